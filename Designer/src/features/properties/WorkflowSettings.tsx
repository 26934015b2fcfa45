import { useShallow } from 'zustand/react/shallow';
import { newId } from '../../model/ids';
import type { Variable, WorkflowInput } from '../../model/workflow';
import { useEditor, useEditorStoreApi } from '../../store/editorContext';

const TYPES = ['String', 'Int32', 'Int64', 'Double', 'Decimal', 'Boolean', 'DateTimeOffset', 'Object', 'String[]', 'JsonNode'];

/** Shown when nothing is selected: workflow name/description, variables and inputs (name, type, default). */
export function WorkflowSettings() {
  const store = useEditorStoreApi();
  const { shell, readOnly } = useEditor(useShallow((s) => ({ shell: s.shell, readOnly: s.readOnly })));
  const variables = shell.variables ?? [];
  const inputs = shell.inputs ?? [];
  const setVariables = (next: Variable[], key?: string) => store.getState().updateShell((w) => ({ ...w, variables: next }), key);
  const setInputs = (next: WorkflowInput[], key?: string) => store.getState().updateShell((w) => ({ ...w, inputs: next }), key);

  return (
    <div className="panel-scroll" data-testid="workflow-settings">
      <div className="panel-title">Workflow</div>
      <label className="field"><span>Name</span>
        <input value={shell.name} disabled={readOnly} onChange={(e) => store.getState().updateShell((w) => ({ ...w, name: e.target.value }), 'name')} data-testid="workflow-name" />
      </label>
      <label className="field"><span>Description</span>
        <textarea rows={2} value={shell.description ?? ''} disabled={readOnly} onChange={(e) => store.getState().updateShell((w) => ({ ...w, description: e.target.value }), 'description')} data-testid="workflow-description" />
      </label>

      <section className="prop-section">
        <div className="section-title">Variables</div>
        {variables.map((v, i) => (
          <div key={v.id} className="def-row" data-testid={`variable-${v.name}`}>
            <input aria-label="Variable name" value={v.name} disabled={readOnly} onChange={(e) => setVariables(variables.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)), `var-name-${v.id}`)} />
            <TypeSelect label="Variable type" value={v.typeName} disabled={readOnly} onChange={(t) => setVariables(variables.map((x, j) => (j === i ? { ...x, typeName: t } : x)))} />
            <input aria-label="Default value" placeholder="default" value={v.value === undefined || v.value === null ? '' : String(v.value)} disabled={readOnly} onChange={(e) => setVariables(variables.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)), `var-value-${v.id}`)} />
            <button type="button" className="icon-btn" aria-label={`Remove variable ${v.name}`} disabled={readOnly} onClick={() => setVariables(variables.filter((_, j) => j !== i))}>×</button>
          </div>
        ))}
        <button type="button" className="btn small" disabled={readOnly} data-testid="add-variable"
          onClick={() => setVariables([...variables, { id: newId(), name: `variable${variables.length + 1}`, typeName: 'String', value: null }])}>+ Variable</button>
      </section>

      <section className="prop-section">
        <div className="section-title">Inputs</div>
        {inputs.map((input, i) => (
          <div key={i} className="def-row" data-testid={`workflow-input-${input.name}`}>
            <input aria-label="Input name" value={input.name} disabled={readOnly} onChange={(e) => setInputs(inputs.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)), `input-name-${i}`)} />
            <TypeSelect label="Input type" value={input.type} disabled={readOnly} onChange={(t) => setInputs(inputs.map((x, j) => (j === i ? { ...x, type: t } : x)))} />
            <input aria-label="Default value" placeholder="default" value={input.defaultValue === undefined || input.defaultValue === null ? '' : String(input.defaultValue)} disabled={readOnly} onChange={(e) => setInputs(inputs.map((x, j) => (j === i ? { ...x, defaultValue: e.target.value } : x)), `input-default-${i}`)} />
            <button type="button" className="icon-btn" aria-label={`Remove input ${input.name}`} disabled={readOnly} onClick={() => setInputs(inputs.filter((_, j) => j !== i))}>×</button>
          </div>
        ))}
        <button type="button" className="btn small" disabled={readOnly} data-testid="add-input"
          onClick={() => setInputs([...inputs, { name: `input${inputs.length + 1}`, type: 'String', displayName: '' }])}>+ Input</button>
      </section>
      <p className="muted small">Select an activity on the canvas to edit its properties.</p>
    </div>
  );
}

function TypeSelect({ label, value, disabled, onChange }: { label: string; value: string; disabled: boolean; onChange: (v: string) => void }) {
  return (
    <select aria-label={label} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
      {[...new Set([value, ...TYPES])].map((t) => <option key={t} value={t}>{t}</option>)}
    </select>
  );
}

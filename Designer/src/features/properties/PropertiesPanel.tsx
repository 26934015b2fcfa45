import { useShallow } from 'zustand/react/shallow';
import { useCatalog } from '../../app/services';
import type { InputDescriptor } from '../../api/types';
import { activityLabel, getInput, isRecord, RESERVED_ACTIVITY_KEYS, type Activity, type InputValue } from '../../model/workflow';
import { useEditor, useEditorStoreApi } from '../../store/editorContext';
import { CronInfo } from '../triggers/CronInfo';
import { HttpEndpointInfo } from '../triggers/HttpEndpointInfo';
import { literalString, withLiteral } from '../triggers/literal';
import { SmartRecruitersEventPickers } from '../triggers/SmartRecruitersEventPickers';
import { SR_EVENT_INPUTS } from '../triggers/smartRecruitersLists';
import { InputEditor } from './InputEditor';
import { JournalPanel } from './JournalPanel';
import { WorkflowSettings } from './WorkflowSettings';

export function PropertiesPanel() {
  const selectedId = useEditor((s) => s.selectedId);
  const activity = useEditor((s) => (s.selectedId ? s.nodes.find((n) => n.id === s.selectedId)?.data.activity : undefined));
  const runStates = useEditor((s) => s.runStates);
  return (
    <aside className="properties" aria-label="Properties" data-testid="properties-panel">
      {runStates && selectedId ? <JournalPanel activityId={selectedId} /> : activity ? <ActivityProperties key={activity.id} activity={activity} /> : <WorkflowSettings />}
    </aside>
  );
}

function ActivityProperties({ activity }: { activity: Activity }) {
  const store = useEditorStoreApi();
  const descriptor = useCatalog((s) => s.byType.get(activity.type));
  // Select raw slices and filter in render: useShallow compares one level deep, so a filtered array
  // built inside the selector would be "new" on every call and loop.
  const { readOnly, tenant, shellVariables, allProblems, allDiagnostics, focus } = useEditor(useShallow((s) => ({
    readOnly: s.readOnly, tenant: s.tenant, shellVariables: s.shell.variables, focus: s.focus,
    allProblems: s.problems, allDiagnostics: s.diagnostics,
  })));
  const variables = shellVariables ?? [];
  const problems = allProblems.filter((p) => p.activityId === activity.id);
  const diagnostics = allDiagnostics.filter((d) => d.activityId === activity.id);
  const update = (fn: (a: Activity) => Activity, key?: string) => store.getState().updateActivity(activity.id, fn, key);
  const variableNames = variables.map((v) => v.name);

  if (!descriptor) {
    const extra = Object.fromEntries(Object.entries(activity).filter(([k]) => !RESERVED_ACTIVITY_KEYS.has(k)));
    return (
      <div className="panel-scroll">
        <div className="panel-title">Unknown activity</div>
        <div className="alert warn">Type <code>{activity.type}</code> is not known to this server. It is kept unchanged and saved as is, but the workflow cannot be published until it is replaced.</div>
        <NameField activity={activity} readOnly={readOnly} onChange={(name) => update((a) => ({ ...a, name }), 'name')} />
        <div className="prop-label">Stored properties</div>
        <pre className="json-view">{JSON.stringify(extra, null, 2)}</pre>
      </div>
    );
  }

  const special = new Set<string>(['enabled']);
  if (activity.type === 'SmartRecruiters.Event') Object.values(SR_EVENT_INPUTS).forEach((n) => special.add(n));
  const inputs = [...descriptor.inputs].sort((a, b) => (a.order ?? 0) - (b.order ?? 0)).filter((i) => !special.has(i.name));
  const generalProblems = problems.filter((p) => !p.input);
  const inputProblems = (i: InputDescriptor) => [
    ...problems.filter((p) => p.input?.toLowerCase() === i.name.toLowerCase()).map((p) => p.message),
    ...diagnostics.filter((d) => d.inputName.toLowerCase() === i.name.toLowerCase()).map((d) => `${d.code}: ${d.message} (line ${d.line}, col ${d.column})`),
  ];
  const enabledInput = getInput(activity, 'enabled');
  const enabled = enabledInput?.expression ? enabledInput.expression.value !== false && enabledInput.expression.value !== 'false' : true;

  return (
    <div className="panel-scroll">
      <div className="panel-title">{descriptor.displayName}</div>
      <div className="muted small mono">{activity.type}</div>
      {descriptor.description && <p className="muted small">{descriptor.description}</p>}
      {generalProblems.map((p, i) => <div key={i} className="alert error small">{p.message}</div>)}
      <NameField activity={activity} readOnly={readOnly} onChange={(name) => update((a) => ({ ...a, name }), 'name')} />

      {descriptor.isTrigger && (
        <section className="prop-section">
          <div className="section-title">Trigger</div>
          <label className="toggle">
            <input type="checkbox" checked={enabled} disabled={readOnly} onChange={(e) => update((a) => withLiteral(a, 'enabled', 'Boolean', e.target.checked))} data-testid="input-enabled" />
            <span>Enabled</span>
          </label>
          {activity.type === 'Elsa.Cron' && <CronInfo expression={literalString(activity, 'cronExpression') || literalString(activity, 'cron')} timeZone={literalString(activity, 'timeZone') || null} />}
          {activity.type === 'Elsa.HttpEndpoint' && <HttpEndpointInfo tenant={tenant} path={literalString(activity, 'path')} />}
          {activity.type === 'SmartRecruiters.Event' && <SmartRecruitersEventPickers tenant={tenant} activity={activity} readOnly={readOnly} onChange={(a) => update(() => a)} />}
        </section>
      )}

      {inputs.length > 0 && (
        <section className="prop-section">
          <div className="section-title">Inputs</div>
          {inputs.map((i) => (
            <InputEditor
              key={i.name}
              activityId={activity.id}
              descriptor={i}
              value={getInput(activity, i.name)}
              variables={variableNames}
              readOnly={readOnly}
              problems={inputProblems(i)}
              focusNonce={focus && focus.activityId === activity.id && focus.input?.toLowerCase() === i.name.toLowerCase() ? focus.nonce : null}
              onChange={(v: InputValue | undefined) => update((a) => ({ ...a, [i.name]: v }), `input:${i.name}`)}
            />
          ))}
        </section>
      )}

      {descriptor.outputs.length > 0 && (
        <section className="prop-section">
          <div className="section-title">Outputs</div>
          {descriptor.outputs.map((o) => {
            const binding = activity[o.name];
            const bound = isRecord(binding) && isRecord(binding.memoryReference) ? String(binding.memoryReference.id ?? '') : '';
            return (
              <label key={o.name} className="field">
                <span>{o.displayName} <span className="muted small">→ variable</span></span>
                <select
                  value={bound} disabled={readOnly} data-testid={`output-${o.name}`}
                  onChange={(e) => update((a) => {
                    const next = { ...a };
                    if (e.target.value) next[o.name] = { typeName: o.typeName, memoryReference: { id: e.target.value } };
                    else delete next[o.name];
                    return next;
                  })}
                >
                  <option value="">— not stored —</option>
                  {variables.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
                </select>
              </label>
            );
          })}
          <p className="muted small">Without a variable, later activities read it with <code>Output.From("{activityLabel(activity)}")</code>.</p>
        </section>
      )}
    </div>
  );
}

function NameField({ activity, readOnly, onChange }: { activity: Activity; readOnly: boolean; onChange: (name: string) => void }) {
  return (
    <label className="field">
      <span>Name</span>
      <input value={activity.name ?? ''} disabled={readOnly} onChange={(e) => onChange(e.target.value)} data-testid="input-name" />
    </label>
  );
}

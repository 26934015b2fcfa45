import { isRecord } from '../../model/workflow';

export interface SwitchCase { label: string; condition: { type: string; value: string } }

/** Reads FlowSwitch cases stored as `[{label, condition:{type,value}}]` (or plain labels). */
export function readCases(value: unknown): SwitchCase[] {
  if (!Array.isArray(value)) return [];
  return value.map((item) => {
    if (typeof item === 'string') return { label: item, condition: { type: 'CSharp', value: '' } };
    if (!isRecord(item)) return { label: '', condition: { type: 'CSharp', value: '' } };
    const c = item.condition;
    const condition = isRecord(c) ? { type: typeof c.type === 'string' ? c.type : 'CSharp', value: typeof c.value === 'string' ? c.value : JSON.stringify(c.value ?? '') } : { type: 'CSharp', value: typeof c === 'string' ? c : '' };
    return { ...item, label: typeof item.label === 'string' ? item.label : '', condition };
  });
}

/** FlowSwitch cases: each row is an outcome label (a port on the node) and a C# condition. */
export function CasesEditor({ testId, value, readOnly, onChange }: { testId: string; value: unknown; readOnly: boolean; onChange: (cases: SwitchCase[]) => void }) {
  const cases = readCases(value);
  const set = (i: number, patch: Partial<SwitchCase>) => onChange(cases.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <div className="cases" data-testid={testId}>
      {cases.map((c, i) => (
        <div key={i} className="case-row">
          <input aria-label={`Case ${i + 1} label`} placeholder="Outcome" value={c.label} disabled={readOnly} onChange={(e) => set(i, { label: e.target.value })} />
          <input aria-label={`Case ${i + 1} condition (C#)`} className="mono" placeholder='Trigger["status"] == "HIRED"' value={c.condition.value} disabled={readOnly} onChange={(e) => set(i, { condition: { type: 'CSharp', value: e.target.value } })} />
          <button type="button" className="icon-btn" aria-label={`Remove case ${i + 1}`} disabled={readOnly} onClick={() => onChange(cases.filter((_, j) => j !== i))}>×</button>
        </div>
      ))}
      <button type="button" className="btn small" disabled={readOnly} onClick={() => onChange([...cases, { label: `Case${cases.length + 1}`, condition: { type: 'CSharp', value: 'true' } }])}>+ Case</button>
    </div>
  );
}

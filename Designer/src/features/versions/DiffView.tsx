import { isEmptyDiff, type WorkflowDiff } from '../../model/diff';

function show(value: unknown): string {
  if (value === undefined) return '—';
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

export function DiffView({ a, b, diff }: { a: number; b: number; diff: WorkflowDiff }) {
  if (isEmptyDiff(diff)) return <div className="muted pad" data-testid="diff-view">v{a} and v{b} are identical (ignoring layout).</div>;
  return (
    <div className="diff" data-testid="diff-view">
      <div className="section-title">Changes from v{a} to v{b}</div>
      {diff.added.map((x) => <div key={`a${x.id}`} className="diff-line added">+ {x.name} <span className="mono small muted">{x.type}</span></div>)}
      {diff.removed.map((x) => <div key={`r${x.id}`} className="diff-line removed">− {x.name} <span className="mono small muted">{x.type}</span></div>)}
      {diff.changed.map((x) => (
        <div key={`c${x.id}`} className="diff-line changed">
          ~ {x.name} <span className="mono small muted">{x.type}</span>
          <ul>{x.changes.map((c) => <li key={c.property}><strong>{c.property}</strong>: <code>{show(c.before)}</code> → <code>{show(c.after)}</code></li>)}</ul>
        </div>
      ))}
      {diff.connectionsAdded.map((c) => <div key={`ca${c}`} className="diff-line added">+ connection {c}</div>)}
      {diff.connectionsRemoved.map((c) => <div key={`cr${c}`} className="diff-line removed">− connection {c}</div>)}
      {diff.workflowChanges.map((c) => <div key={`w${c.property}`} className="diff-line changed">~ workflow {c.property}: <code>{show(c.before)}</code> → <code>{show(c.after)}</code></div>)}
    </div>
  );
}

import { useShallow } from 'zustand/react/shallow';
import { useEditor, useEditorStoreApi } from '../../store/editorContext';

/** Publish/validation problems; clicking one selects the activity and focuses the input. */
export function ProblemsBar() {
  const store = useEditorStoreApi();
  const { problems, names } = useEditor(useShallow((s) => ({ problems: s.problems, names: s.nodes })));
  if (problems.length === 0) return null;
  const nameOf = (id: string) => names.find((n) => n.id === id)?.data.activity.name ?? id;
  return (
    <div className="problems" role="region" aria-label="Problems" data-testid="problems-list">
      <div className="problems-head">
        <strong>{problems.length} problem{problems.length === 1 ? '' : 's'}</strong>
        <button type="button" className="icon-btn" aria-label="Close problems" onClick={() => store.setState({ problems: [] })}>×</button>
      </div>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            <button
              type="button" className="problem-item" data-testid={`problem-${i}`}
              disabled={!p.activityId}
              onClick={() => p.activityId && store.getState().focusInput(p.activityId, p.input)}
            >
              <span className="problem-code">{p.code}</span>
              {p.activityId && <span className="strong">{p.activityName ?? nameOf(p.activityId)}</span>}
              {p.input && <span className="muted">· {p.input}</span>}
              {p.line !== null && <span className="muted">({p.line}:{p.column})</span>}
              <span>{p.message}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

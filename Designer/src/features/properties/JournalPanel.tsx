import { useShallow } from 'zustand/react/shallow';
import { useRuns } from '../../app/services';
import { lastEntries } from '../../store/runs';
import { useEditor } from '../../store/editorContext';
import { activityLabel } from '../../model/workflow';

/** In an instance view: the journal entries (inputs, outputs, error) of the clicked activity. */
export function JournalPanel({ activityId }: { activityId: string }) {
  const journal = useRuns(useShallow((s) => (s.detail?.journal ?? []).filter((e) => e.activityId === activityId)));
  const activity = useEditor((s) => s.nodes.find((n) => n.id === activityId)?.data.activity);
  const state = useEditor((s) => s.runStates?.[activityId] ?? 'notRun');
  const last = lastEntries(journal).get(activityId);
  return (
    <div className="panel-scroll" data-testid="journal-panel">
      <div className="panel-title">{activity ? activityLabel(activity) : activityId}</div>
      <div className={`run-pill run-${state}`} data-testid="journal-run-state">{state === 'notRun' ? 'not run' : state}</div>
      {!last && <p className="muted">This activity did not run in this instance.</p>}
      {journal.map((e) => (
        <div key={e.sequence} className="journal-entry" data-testid={`journal-${e.sequence}`}>
          <div className="small muted">#{e.sequence} · {new Date(e.startedAt).toLocaleString()} · {e.durationMs ?? '…'} ms · outcomes: {e.outcomes.join(', ') || '—'}</div>
          {e.error && <div className="alert error small" data-testid="journal-error">{e.error}</div>}
          <div className="prop-label">Inputs</div>
          <pre className="json-view">{JSON.stringify(e.inputs, null, 2)}</pre>
          <div className="prop-label">Outputs</div>
          <pre className="json-view">{JSON.stringify(e.outputs, null, 2)}</pre>
        </div>
      ))}
    </div>
  );
}

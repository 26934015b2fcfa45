import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { formatDate } from '../../app/download';
import { Link } from '../../app/Link';
import { api, runsStore, useRuns } from '../../app/services';
import { describeError } from '../../api/errors';
import type { InstanceDetail } from '../../api/types';
import { Canvas } from '../../canvas/Canvas';
import { activityStates } from '../../store/runs';
import { createEditorStore, type EditorStore } from '../../store/editor';
import { EditorStoreContext } from '../../store/editorContext';
import { PropertiesPanel } from '../properties/PropertiesPanel';
import { StatusBadge } from '../workflows/StatusBadge';

/** One instance: the version it ran on, read-only, coloured by what each activity did; click for its journal. */
export function InstanceView({ tenant, instanceId }: { tenant: string; instanceId: string }) {
  const detail = useRuns((s) => (s.detail?.id === instanceId ? s.detail : null));
  const [store, setStore] = useState<EditorStore | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void runsStore.getState().open(tenant, instanceId).then(async (d) => {
      if (!d || !live) {
        if (!d) setError(runsStore.getState().error ?? 'Instance not found.');
        return;
      }
      try {
        const model = await api.workflows.getVersion(tenant, d.definitionId, d.version);
        if (!live) return;
        const s = createEditorStore({ api, tenant, model, readOnly: true });
        s.getState().setRunStates(activityStates(d, s.getState().nodes.map((n) => n.id)));
        setStore(s);
      } catch (e) {
        if (live) setError(describeError(e));
      }
    });
    return () => { live = false; };
  }, [tenant, instanceId]);

  // Keep colours current while the instance is still running or waiting.
  useEffect(() => {
    if (!detail || !store || !['Running', 'Suspended'].includes(detail.status)) return;
    const t = setInterval(() => {
      void runsStore.getState().open(tenant, instanceId).then((d) => d && store.getState().setRunStates(activityStates(d, store.getState().nodes.map((n) => n.id))));
    }, 3000);
    return () => clearInterval(t);
  }, [detail, store, tenant, instanceId]);

  if (error) return <div className="page"><div className="alert error" role="alert">{error}</div><Link to="/instances">Back to runs</Link></div>;
  if (!detail || !store) return <div className="page muted">Loading instance…</div>;
  return (
    <EditorStoreContext.Provider value={store}>
      <ReactFlowProvider>
        <div className="editor" data-testid="instance-view">
          <InstanceHeader tenant={tenant} detail={detail} />
          <div className="editor-body">
            <div className="canvas-column">
              <Canvas />
              <Legend />
            </div>
            <PropertiesPanel />
          </div>
        </div>
      </ReactFlowProvider>
    </EditorStoreContext.Provider>
  );
}

function InstanceHeader({ tenant, detail }: { tenant: string; detail: InstanceDetail }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (fn: () => Promise<void>) => {
    setBusy(true);
    try { await fn(); } catch (e) { setError(describeError(e)); }
    setBusy(false);
  };
  return (
    <>
      <div className="toolbar" role="toolbar" aria-label="Instance actions">
        <Link to="/instances" className="crumb">Runs</Link><span className="crumb-sep">/</span>
        <span className="wf-name">{detail.name ?? detail.definitionId}</span>
        <span className="badge grey">v{detail.version}</span>
        <StatusBadge status={detail.status} />
        <span className="muted small">started {formatDate(detail.createdAt)}{detail.finishedAt ? ` · finished ${formatDate(detail.finishedAt)}` : ''}</span>
        <div className="spacer" />
        <Link to={`/workflows/${encodeURIComponent(detail.definitionId)}?version=${detail.version}`} className="btn">Open workflow</Link>
        {(detail.status === 'Running' || detail.status === 'Suspended') && <button type="button" className="btn" disabled={busy} onClick={() => void act(() => runsStore.getState().cancel(tenant, detail.id))} data-testid="cancel-instance">Cancel</button>}
        {detail.status === 'Faulted' && <button type="button" className="btn primary" disabled={busy} onClick={() => void act(() => runsStore.getState().retry(tenant, detail.id))} data-testid="retry-instance">Retry</button>}
      </div>
      {(error ?? detail.error) && <div className="banner error" role="alert">{error ?? detail.error}</div>}
    </>
  );
}

function Legend() {
  return (
    <div className="legend" aria-label="Legend">
      <span className="legend-item run-finished">finished</span>
      <span className="legend-item run-faulted">faulted</span>
      <span className="legend-item run-waiting">waiting</span>
      <span className="legend-item run-notRun">not run</span>
      <span className="muted small">Click an activity to see its journal entry.</span>
    </div>
  );
}

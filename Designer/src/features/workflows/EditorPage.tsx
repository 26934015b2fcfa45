import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Link } from '../../app/Link';
import { navigate } from '../../app/router';
import { api, catalogStore } from '../../app/services';
import { describeError } from '../../api/errors';
import { Canvas } from '../../canvas/Canvas';
import { validateWorkflow } from '../../model/validate';
import { createEditorStore, type EditorStore } from '../../store/editor';
import { EditorStoreContext, useEditor, useEditorStoreApi } from '../../store/editorContext';
import { Palette } from '../palette/Palette';
import { PropertiesPanel } from '../properties/PropertiesPanel';
import { setCompletionSource } from '../properties/completionSource';
import { RunDialog } from '../runs/RunDialog';
import { VersionsDialog } from '../versions/VersionsDialog';
import { ProblemsBar } from './ProblemsBar';
import { StatusBadge } from './StatusBadge';
import { useEditorShortcuts } from './useEditorShortcuts';
import { useScriptCheck } from './useScriptCheck';

export function EditorPage({ tenant, definitionId, version }: { tenant: string; definitionId: string; version: number | null }) {
  const [store, setStore] = useState<EditorStore | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const load = version === null ? api.workflows.get(tenant, definitionId) : api.workflows.getVersion(tenant, definitionId, version);
    load.then((model) => {
      if (!live) return;
      // An old version opens read-only; the latest one is editable.
      setStore(createEditorStore({ api, tenant, model, readOnly: version !== null && !model.isLatest }));
    }).catch((e: unknown) => live && setError(describeError(e)));
    return () => { live = false; };
  }, [tenant, definitionId, version]);

  if (error) return <div className="page"><div className="alert error" role="alert">{error}</div><Link to="/workflows">Back to workflows</Link></div>;
  if (!store) return <div className="page muted">Loading workflow…</div>;
  return (
    <EditorStoreContext.Provider value={store}>
      <ReactFlowProvider>
        <Editor />
      </ReactFlowProvider>
    </EditorStoreContext.Provider>
  );
}

function Editor() {
  const store = useEditorStoreApi();
  const s = useEditor(useShallow((st) => ({
    name: st.shell.name, version: st.version, readOnly: st.readOnly, dirty: st.dirty, busy: st.busy, message: st.message,
    conflict: st.conflict, isPublished: st.isPublished, publishedVersion: st.publishedVersion, definitionId: st.definitionId,
    tenant: st.tenant, canUndo: st.past.length > 0, canRedo: st.future.length > 0, savedBy: st.savedBy, savedAt: st.savedAt,
  })));
  const [showVersions, setShowVersions] = useState(false);
  const [showRun, setShowRun] = useState(false);
  useEditorShortcuts();
  useScriptCheck();

  useEffect(() => {
    setCompletionSource(() => store.getState().toDefinition());
    return () => setCompletionSource(() => null);
  }, [store]);

  // Warn before leaving with unsaved changes.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (store.getState().dirty) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [store]);

  const validate = () => {
    const issues = validateWorkflow(store.getState().toDefinition(), catalogStore.getState().byType);
    store.setState({
      problems: issues.map((i) => ({ activityId: i.activityId ?? '', input: i.input, line: null, column: null, code: i.code, message: i.message })),
      message: { kind: issues.length ? 'error' : 'info', text: issues.length ? `${issues.length} problem(s) found.` : 'No problems found.' },
    });
  };
  const reloadLatest = async () => {
    try {
      store.getState().reload(await api.workflows.get(s.tenant, s.definitionId));
    } catch (e) {
      store.setState({ message: { kind: 'error', text: describeError(e) } });
    }
  };

  return (
    <div className="editor" data-testid="editor">
      <div className="toolbar" role="toolbar" aria-label="Workflow actions">
        <Link to="/workflows" className="crumb" aria-label="Back to workflows">Workflows</Link>
        <span className="crumb-sep">/</span>
        <span className="wf-name" data-testid="editor-title">{s.name}</span>
        <span className="badge grey" data-testid="editor-version">v{s.version}</span>
        {s.isPublished ? <StatusBadge status="Published" /> : <StatusBadge status="Draft" />}
        {s.readOnly && <span className="badge amber" data-testid="read-only-badge">read-only</span>}
        {s.dirty && <span className="dirty-dot" title="Unsaved changes" aria-label="Unsaved changes" data-testid="dirty-indicator">●</span>}
        <div className="spacer" />
        {!s.readOnly && (
          <>
            <button type="button" className="btn ghost" disabled={!s.canUndo} onClick={() => store.getState().undo()} aria-label="Undo (Ctrl+Z)" title="Undo (Ctrl+Z)" data-testid="undo-button">↶</button>
            <button type="button" className="btn ghost" disabled={!s.canRedo} onClick={() => store.getState().redo()} aria-label="Redo (Ctrl+Shift+Z)" title="Redo (Ctrl+Shift+Z)" data-testid="redo-button">↷</button>
            <button type="button" className="btn" onClick={validate} data-testid="validate-button">Check</button>
          </>
        )}
        <button type="button" className="btn" onClick={() => setShowVersions(true)} data-testid="versions-button">History</button>
        <button type="button" className="btn" onClick={() => setShowRun(true)} data-testid="run-button" disabled={s.publishedVersion === null && !s.isPublished} title={s.publishedVersion === null ? 'Publish first' : 'Run the published version now'}>Run…</button>
        {s.readOnly ? (
          <button type="button" className="btn primary" onClick={() => navigate(`/workflows/${encodeURIComponent(s.definitionId)}`)} data-testid="open-latest">Open latest</button>
        ) : (
          <>
            <button type="button" className="btn" disabled={s.busy !== null || !s.dirty} onClick={() => void store.getState().save()} data-testid="save-button" title="Save draft (Ctrl+S)">{s.busy === 'saving' ? 'Saving…' : 'Save'}</button>
            <button type="button" className="btn primary" disabled={s.busy !== null} onClick={() => void store.getState().publish()} data-testid="publish-button">{s.busy === 'publishing' ? 'Publishing…' : 'Publish'}</button>
          </>
        )}
      </div>
      {s.conflict && (
        <div className="banner error" role="alert" data-testid="conflict-banner">
          This workflow was saved by <strong>{s.conflict.savedBy}</strong> at {new Date(s.conflict.savedAt).toLocaleString()} (version {s.conflict.version}). Your changes are not saved.
          <button type="button" className="btn small" onClick={() => void reloadLatest()} data-testid="conflict-reload">Reload (discard mine)</button>
        </div>
      )}
      {s.message && !s.conflict && (
        <div className={`banner ${s.message.kind}`} role="status" data-testid="editor-message">
          {s.message.text}
          <button type="button" className="icon-btn" aria-label="Dismiss" onClick={() => store.getState().dismissMessage()}>×</button>
        </div>
      )}
      <div className="editor-body">
        {!s.readOnly && <Palette />}
        <div className="canvas-column">
          <Canvas />
          <ProblemsBar />
        </div>
        <PropertiesPanel />
      </div>
      {showVersions && <VersionsDialog onClose={() => setShowVersions(false)} />}
      {showRun && <RunDialog tenant={s.tenant} definitionId={s.definitionId} onClose={() => setShowRun(false)} />}
    </div>
  );
}

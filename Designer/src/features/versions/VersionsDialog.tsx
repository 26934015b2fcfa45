import { useEffect, useState } from 'react';
import { formatDate } from '../../app/download';
import { navigate } from '../../app/router';
import { api } from '../../app/services';
import { describeError } from '../../api/errors';
import type { VersionInfo } from '../../api/types';
import { diffWorkflows, type WorkflowDiff } from '../../model/diff';
import { useEditor, useEditorStoreApi } from '../../store/editorContext';
import { Modal } from '../workflows/Modal';
import { DiffView } from './DiffView';

/** Version history: open an old version read-only, roll back to it, or diff two versions. */
export function VersionsDialog({ onClose }: { onClose: () => void }) {
  const store = useEditorStoreApi();
  const tenant = useEditor((s) => s.tenant);
  const definitionId = useEditor((s) => s.definitionId);
  const [versions, setVersions] = useState<VersionInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [left, setLeft] = useState<number | null>(null);
  const [right, setRight] = useState<number | null>(null);
  const [diff, setDiff] = useState<{ a: number; b: number; diff: WorkflowDiff } | null>(null);

  const load = () => api.workflows.versions(tenant, definitionId).then((v) => {
    const sorted = [...v].sort((x, y) => y.version - x.version);
    setVersions(sorted);
    setRight((r) => r ?? sorted[0]?.version ?? null);
    setLeft((l) => l ?? sorted[1]?.version ?? null);
  }).catch((e: unknown) => setError(describeError(e)));
  useEffect(() => { void load(); }, []);

  const rollback = async (version: number) => {
    if (!window.confirm(`Publish a new version copied from version ${version}?`)) return;
    try {
      const model = await api.workflows.rollback(tenant, definitionId, version);
      store.getState().reload(model);
      await load();
    } catch (e) {
      setError(describeError(e));
    }
  };
  const compare = async () => {
    if (left === null || right === null) return;
    try {
      const [a, b] = await Promise.all([api.workflows.getVersion(tenant, definitionId, left), api.workflows.getVersion(tenant, definitionId, right)]);
      setDiff({ a: left, b: right, diff: diffWorkflows(a.definition, b.definition) });
    } catch (e) {
      setError(describeError(e));
    }
  };

  return (
    <Modal title="Version history" onClose={onClose} testId="versions-dialog" wide>
      {error && <div className="alert error" role="alert">{error}</div>}
      <table className="table compact" data-testid="versions-table">
        <thead><tr><th>Version</th><th>State</th><th>Saved by</th><th>Saved</th><th>Published</th><th aria-label="Actions" /></tr></thead>
        <tbody>
          {(versions ?? []).map((v) => (
            <tr key={v.version} data-testid={`version-row-${v.version}`}>
              <td className="strong">v{v.version}</td>
              <td>{v.isPublished && <span className="badge green">published</span>} {v.isLatest && <span className="badge blue">latest</span>}</td>
              <td>{v.savedBy}</td>
              <td className="small">{formatDate(v.savedAt)}</td>
              <td className="small">{formatDate(v.publishedAt)}</td>
              <td className="row-actions">
                <button type="button" className="btn small" onClick={() => { onClose(); navigate(`/workflows/${encodeURIComponent(definitionId)}?version=${v.version}`); }} data-testid={`view-version-${v.version}`}>View</button>
                {!v.isPublished && <button type="button" className="btn small" onClick={() => void rollback(v.version)} data-testid={`rollback-${v.version}`}>Roll back to this</button>}
              </td>
            </tr>
          ))}
          {versions === null && <tr><td colSpan={6} className="empty-row">Loading…</td></tr>}
        </tbody>
      </table>
      <div className="inline-form">
        <label className="field inline"><span>Compare</span>
          <select aria-label="Older version" value={left ?? ''} onChange={(e) => setLeft(Number(e.target.value))} data-testid="diff-left">
            {(versions ?? []).map((v) => <option key={v.version} value={v.version}>v{v.version}</option>)}
          </select>
        </label>
        <label className="field inline"><span>with</span>
          <select aria-label="Newer version" value={right ?? ''} onChange={(e) => setRight(Number(e.target.value))} data-testid="diff-right">
            {(versions ?? []).map((v) => <option key={v.version} value={v.version}>v{v.version}</option>)}
          </select>
        </label>
        <button type="button" className="btn" onClick={() => void compare()} disabled={left === null || right === null} data-testid="diff-button">Show differences</button>
      </div>
      {diff && <DiffView a={diff.a} b={diff.b} diff={diff.diff} />}
    </Modal>
  );
}

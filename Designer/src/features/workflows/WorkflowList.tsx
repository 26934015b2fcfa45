import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { downloadText, formatDate } from '../../app/download';
import { Link } from '../../app/Link';
import { navigate } from '../../app/router';
import { api, useWorkflows, workflowsStore } from '../../app/services';
import { describeError } from '../../api/errors';
import { StatusBadge } from './StatusBadge';
import { ImportDialog } from './ImportDialog';

export function WorkflowList({ tenant }: { tenant: string }) {
  const { items, loading, error } = useWorkflows(useShallow((s) => ({ items: s.items, loading: s.loading, error: s.error })));
  const [newName, setNewName] = useState('');
  const [creating, setCreating] = useState(false);
  const [showImport, setShowImport] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');

  useEffect(() => {
    void workflowsStore.getState().load(tenant);
  }, [tenant]);

  const create = async () => {
    if (!newName.trim()) return;
    setActionError(null);
    try {
      const model = await workflowsStore.getState().create(tenant, newName.trim());
      setCreating(false);
      setNewName('');
      if (model.definition.definitionId) navigate(`/workflows/${encodeURIComponent(model.definition.definitionId)}`);
    } catch (e) {
      setActionError(describeError(e));
    }
  };
  const exportOne = async (id: string, name: string) => {
    try {
      const { text, fileName } = await api.workflows.export(tenant, id);
      downloadText(fileName ?? `${name.replace(/[^\w-]+/g, '-')}.json`, text);
    } catch (e) {
      setActionError(describeError(e));
    }
  };
  const remove = async (id: string, name: string) => {
    if (!window.confirm(`Delete workflow "${name}" and all its versions?`)) return;
    try {
      await workflowsStore.getState().remove(tenant, id);
    } catch (e) {
      setActionError(describeError(e));
    }
  };
  const visible = items.filter((w) => w.name.toLowerCase().includes(filter.trim().toLowerCase()));

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Workflows</h1>
          <p className="muted">{items.length} workflow{items.length === 1 ? '' : 's'} in {tenant}</p>
        </div>
        <div className="actions">
          <input className="search" type="search" placeholder="Filter by name" aria-label="Filter workflows by name" value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="workflow-filter" />
          <button type="button" className="btn" onClick={() => setShowImport(true)} data-testid="import-button">Import…</button>
          <button type="button" className="btn primary" onClick={() => setCreating(true)} data-testid="create-button">New workflow</button>
        </div>
      </div>
      {creating && (
        <form className="inline-form card" onSubmit={(e) => { e.preventDefault(); void create(); }}>
          <label className="field grow">
            <span>Name</span>
            <input value={newName} onChange={(e) => setNewName(e.target.value)} autoFocus data-testid="create-name" />
          </label>
          <button type="submit" className="btn primary" data-testid="create-submit" disabled={!newName.trim()}>Create</button>
          <button type="button" className="btn ghost" onClick={() => setCreating(false)}>Cancel</button>
        </form>
      )}
      {(error ?? actionError) && <div className="alert error" role="alert">{error ?? actionError}</div>}
      <div className="card table-card">
        <table className="table" data-testid="workflow-table">
          <thead>
            <tr><th>Name</th><th>Status</th><th>Published</th><th>Triggers</th><th>Last run</th><th>Updated</th><th aria-label="Actions" /></tr>
          </thead>
          <tbody>
            {visible.map((w) => (
              <tr key={w.definitionId} data-testid={`workflow-row-${w.definitionId}`}>
                <td>
                  <Link to={`/workflows/${encodeURIComponent(w.definitionId)}`} className="strong">{w.name}</Link>
                  {w.description && <div className="muted small">{w.description}</div>}
                </td>
                <td><StatusBadge status={w.status} /></td>
                <td>{w.publishedVersion !== null ? `v${w.publishedVersion}` : '—'}<span className="muted small"> / latest v{w.latestVersion}</span></td>
                <td>
                  {w.triggers.length === 0 ? <span className="muted">Manual</span> : w.triggers.map((t) => (
                    <div key={t.activityId} className="small" title={t.type}>{t.summary || t.type}</div>
                  ))}
                </td>
                <td>
                  {w.lastRun ? (
                    <Link to={`/instances/${encodeURIComponent(w.lastRun.instanceId)}`}><StatusBadge status={w.lastRun.status} /> <span className="small muted">{formatDate(w.lastRun.finishedAt)}</span></Link>
                  ) : <span className="muted">Never</span>}
                </td>
                <td className="small muted">{formatDate(w.updatedAt)}</td>
                <td className="row-actions">
                  <button type="button" className="btn small" aria-label={`Export ${w.name}`} data-testid={`export-${w.definitionId}`} onClick={() => void exportOne(w.definitionId, w.name)}>Export</button>
                  <button type="button" className="btn small danger" aria-label={`Delete ${w.name}`} data-testid={`delete-${w.definitionId}`} onClick={() => void remove(w.definitionId, w.name)}>Delete</button>
                </td>
              </tr>
            ))}
            {visible.length === 0 && !loading && (
              <tr><td colSpan={7} className="empty-row">{items.length === 0 ? 'No workflows yet. Create one or import a JSON file.' : 'No workflow matches the filter.'}</td></tr>
            )}
            {loading && items.length === 0 && <tr><td colSpan={7} className="empty-row">Loading…</td></tr>}
          </tbody>
        </table>
      </div>
      {showImport && <ImportDialog tenant={tenant} onClose={() => setShowImport(false)} />}
    </div>
  );
}

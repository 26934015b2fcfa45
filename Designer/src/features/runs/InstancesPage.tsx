import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatDate } from '../../app/download';
import { Link } from '../../app/Link';
import { runsStore, useRuns, useWorkflows, workflowsStore } from '../../app/services';
import { StatusBadge } from '../workflows/StatusBadge';

const STATUSES = ['', 'Running', 'Suspended', 'Finished', 'Faulted', 'Cancelled'];

/** Instances list with status / workflow / date filters. */
export function InstancesPage({ tenant }: { tenant: string }) {
  const { items, total, loading, error, filter } = useRuns(useShallow((s) => ({ items: s.items, total: s.total, loading: s.loading, error: s.error, filter: s.filter })));
  const workflows = useWorkflows((s) => s.items);
  useEffect(() => { void runsStore.getState().load(tenant); }, [tenant, filter]);
  useEffect(() => { if (workflows.length === 0) void workflowsStore.getState().load(tenant); }, [tenant, workflows.length]);
  const set = runsStore.getState().setFilter;
  const toIso = (v: string) => (v ? new Date(v).toISOString() : undefined);
  const fromIso = (v: string | undefined) => (v ? new Date(v).toISOString().slice(0, 16) : '');
  const page = filter.page ?? 1;
  const pageSize = filter.pageSize ?? 50;

  return (
    <div className="page">
      <div className="page-header">
        <div><h1>Runs</h1><p className="muted">{total} instance{total === 1 ? '' : 's'}</p></div>
        <div className="actions">
          <button type="button" className="btn" onClick={() => void runsStore.getState().load(tenant)} data-testid="instances-refresh">Refresh</button>
        </div>
      </div>
      <div className="card filters" role="search">
        <label className="field inline"><span>Workflow</span>
          <select value={filter.definitionId ?? ''} onChange={(e) => set({ definitionId: e.target.value || undefined })} data-testid="filter-workflow">
            <option value="">All</option>
            {workflows.map((w) => <option key={w.definitionId} value={w.definitionId}>{w.name}</option>)}
          </select>
        </label>
        <label className="field inline"><span>Status</span>
          <select value={filter.status ?? ''} onChange={(e) => set({ status: e.target.value || undefined })} data-testid="filter-status">
            {STATUSES.map((s) => <option key={s} value={s}>{s || 'All'}</option>)}
          </select>
        </label>
        <label className="field inline"><span>From</span>
          <input type="datetime-local" value={fromIso(filter.from)} onChange={(e) => set({ from: toIso(e.target.value) })} data-testid="filter-from" />
        </label>
        <label className="field inline"><span>To</span>
          <input type="datetime-local" value={fromIso(filter.to)} onChange={(e) => set({ to: toIso(e.target.value) })} data-testid="filter-to" />
        </label>
      </div>
      {error && <div className="alert error" role="alert">{error}</div>}
      <div className="card table-card">
        <table className="table" data-testid="instances-table">
          <thead><tr><th>Instance</th><th>Workflow</th><th>Status</th><th>Started</th><th>Finished</th><th>Error</th></tr></thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id} data-testid={`instance-row-${i.id}`}>
                <td><Link to={`/instances/${encodeURIComponent(i.id)}`} className="mono small">{i.id}</Link></td>
                <td>{i.name} <span className="muted small">v{i.version}</span></td>
                <td><StatusBadge status={i.status} /></td>
                <td className="small">{formatDate(i.createdAt)}</td>
                <td className="small">{formatDate(i.finishedAt)}</td>
                <td className="small error-text">{i.error ?? ''}</td>
              </tr>
            ))}
            {items.length === 0 && <tr><td colSpan={6} className="empty-row">{loading ? 'Loading…' : 'No instances match.'}</td></tr>}
          </tbody>
        </table>
      </div>
      {total > pageSize && (
        <div className="pager">
          <button type="button" className="btn small" disabled={page <= 1} onClick={() => runsStore.setState({ filter: { ...filter, page: page - 1 } })}>Previous</button>
          <span className="muted small">Page {page} of {Math.ceil(total / pageSize)}</span>
          <button type="button" className="btn small" disabled={page * pageSize >= total} onClick={() => runsStore.setState({ filter: { ...filter, page: page + 1 } })}>Next</button>
        </div>
      )}
    </div>
  );
}

import { useEffect, useState } from 'react';
import { api } from '../../app/services';
import { describeError } from '../../api/errors';
import type { Connection } from '../../api/types';

/** Vendor endpoints: connections of kind `http` (base URL plus a write-only auth header). */
export function VendorEndpoints({ tenant }: { tenant: string }) {
  const [items, setItems] = useState<Connection[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ name: string; baseUrl: string; header: string; value: string; isNew: boolean } | null>(null);
  const [tests, setTests] = useState<Record<string, string>>({});

  const load = () => api.connections.list(tenant).then((all) => setItems(all.filter((c) => c.kind === 'http'))).catch((e: unknown) => setError(describeError(e)));
  useEffect(() => { void load(); }, [tenant]);

  const save = async () => {
    if (!editing) return;
    try {
      await api.connections.put(tenant, editing.name, {
        kind: 'http', settings: { baseUrl: editing.baseUrl },
        secrets: { authHeaderName: editing.header || null, authHeaderValue: editing.value || null },
      });
      setEditing(null);
      await load();
    } catch (e) {
      setError(describeError(e));
    }
  };
  const test = async (name: string) => {
    try {
      const r = await api.connections.test(tenant, name);
      setTests({ ...tests, [name]: `${r.ok ? '✓' : '✗'} ${r.message}` });
    } catch (e) {
      setTests({ ...tests, [name]: `✗ ${describeError(e)}` });
    }
  };

  return (
    <div className="card pad" data-testid="vendor-endpoints">
      {error && <div className="alert error" role="alert">{error}</div>}
      <table className="table compact">
        <thead><tr><th>Name</th><th>Base URL</th><th>Auth header</th><th aria-label="Actions" /></tr></thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.name} data-testid={`endpoint-row-${c.name}`}>
              <td className="strong">{c.name}</td>
              <td className="mono small">{String(c.settings.baseUrl ?? '')}</td>
              <td>{c.secrets.authHeaderValue?.hasValue ? <span className="badge green">stored</span> : <span className="muted">none</span>}</td>
              <td className="row-actions">
                {tests[c.name] && <span className="small">{tests[c.name]}</span>}
                <button type="button" className="btn small" onClick={() => void test(c.name)}>Test</button>
                <button type="button" className="btn small" onClick={() => setEditing({ name: c.name, baseUrl: String(c.settings.baseUrl ?? ''), header: '', value: '', isNew: false })}>Edit</button>
              </td>
            </tr>
          ))}
          {items.length === 0 && <tr><td colSpan={4} className="empty-row">No vendor endpoints yet.</td></tr>}
        </tbody>
      </table>
      {editing ? (
        <form className="form-grid top-gap" onSubmit={(e) => { e.preventDefault(); void save(); }} data-testid="endpoint-form">
          <label className="field"><span>Name</span><input value={editing.name} disabled={!editing.isNew} onChange={(e) => setEditing({ ...editing, name: e.target.value })} data-testid="endpoint-name" /></label>
          <label className="field"><span>Base URL</span><input value={editing.baseUrl} onChange={(e) => setEditing({ ...editing, baseUrl: e.target.value })} data-testid="endpoint-base-url" /></label>
          <label className="field"><span>Auth header name</span><input value={editing.header} placeholder="e.g. X-Api-Key (blank keeps stored)" onChange={(e) => setEditing({ ...editing, header: e.target.value })} data-testid="endpoint-header-name" /></label>
          <label className="field"><span>Auth header value</span><input type="password" autoComplete="new-password" value={editing.value} placeholder="blank keeps stored" onChange={(e) => setEditing({ ...editing, value: e.target.value })} data-testid="endpoint-header-value" /></label>
          <div className="form-actions">
            <button type="button" className="btn ghost" onClick={() => setEditing(null)}>Cancel</button>
            <button type="submit" className="btn primary" disabled={!editing.name.trim()} data-testid="endpoint-save">Save endpoint</button>
          </div>
        </form>
      ) : (
        <button type="button" className="btn top-gap" onClick={() => setEditing({ name: '', baseUrl: 'https://', header: '', value: '', isNew: true })} data-testid="add-endpoint">+ Vendor endpoint</button>
      )}
    </div>
  );
}

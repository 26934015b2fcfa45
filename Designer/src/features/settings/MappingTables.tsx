import { useEffect, useState } from 'react';
import { api } from '../../app/services';
import { describeError } from '../../api/errors';
import type { MappingRow, MappingTableSummary } from '../../api/types';

/** Mapping tables (key → value) read by scripts as Mappings["table"]["key"]: rows editor and CSV import. */
export function MappingTables({ tenant }: { tenant: string }) {
  const [tables, setTables] = useState<MappingTableSummary[]>([]);
  const [current, setCurrent] = useState<string | null>(null);
  const [rows, setRows] = useState<MappingRow[]>([]);
  const [newName, setNewName] = useState('');
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);

  const loadList = () => api.mappings.list(tenant).then(setTables).catch((e: unknown) => setStatus({ kind: 'error', text: describeError(e) }));
  useEffect(() => { void loadList(); }, [tenant]);

  const open = async (name: string) => {
    setStatus(null);
    try {
      const t = await api.mappings.get(tenant, name);
      setCurrent(t.name);
      setRows(t.rows);
    } catch (e) {
      setStatus({ kind: 'error', text: describeError(e) });
    }
  };
  const save = async () => {
    if (!current) return;
    try {
      const t = await api.mappings.put(tenant, current, rows.filter((r) => r.key.trim() !== ''));
      setRows(t.rows);
      setStatus({ kind: 'info', text: `Saved ${t.rows.length} row(s).` });
      await loadList();
    } catch (e) {
      setStatus({ kind: 'error', text: describeError(e) });
    }
  };
  const importCsv = async (file: File | undefined) => {
    if (!file || !current) return;
    try {
      const t = await api.mappings.importCsv(tenant, current, await file.text());
      setRows(t.rows);
      setStatus({ kind: 'info', text: `Imported ${t.rows.length} row(s).` });
      await loadList();
    } catch (e) {
      setStatus({ kind: 'error', text: describeError(e) });
    }
  };

  return (
    <div className="split" data-testid="mapping-tables">
      <div className="card pad list-col">
        <div className="section-title">Tables</div>
        <ul className="plain-list">
          {tables.map((t) => (
            <li key={t.name}>
              <button type="button" className={`list-btn ${current === t.name ? 'active' : ''}`} onClick={() => void open(t.name)} data-testid={`mapping-table-${t.name}`}>
                {t.name}<span className="muted small">{t.rowCount} rows</span>
              </button>
            </li>
          ))}
        </ul>
        <form className="inline-form" onSubmit={(e) => { e.preventDefault(); if (newName.trim()) { setCurrent(newName.trim()); setRows([{ key: '', value: '' }]); setNewName(''); } }}>
          <input aria-label="New table name" placeholder="New table name" value={newName} onChange={(e) => setNewName(e.target.value)} data-testid="mapping-new-name" />
          <button type="submit" className="btn small" data-testid="mapping-create">Add</button>
        </form>
      </div>
      <div className="card pad grow">
        {current ? (
          <>
            <div className="section-title">{current}</div>
            <table className="table compact" data-testid="mapping-rows">
              <thead><tr><th>Key</th><th>Value</th><th aria-label="Remove" /></tr></thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={i}>
                    <td><input aria-label={`Key ${i + 1}`} value={r.key} onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, key: e.target.value } : x)))} /></td>
                    <td><input aria-label={`Value ${i + 1}`} value={r.value} onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))} /></td>
                    <td><button type="button" className="icon-btn" aria-label={`Remove row ${i + 1}`} onClick={() => setRows(rows.filter((_, j) => j !== i))}>×</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
            {status && <div className={`alert ${status.kind}`} role="status">{status.text}</div>}
            <div className="form-actions">
              <button type="button" className="btn" onClick={() => setRows([...rows, { key: '', value: '' }])} data-testid="mapping-add-row">+ Row</button>
              <label className="btn file-btn">Import CSV…<input type="file" accept=".csv,text/csv" aria-label="Import CSV" onChange={(e) => void importCsv(e.target.files?.[0])} data-testid="mapping-import-csv" /></label>
              <button type="button" className="btn primary" onClick={() => void save()} data-testid="mapping-save">Save table</button>
            </div>
          </>
        ) : (
          <div className="muted">Choose a table or add one. Scripts read them as <code>Mappings["table"]["key"]</code>.</div>
        )}
      </div>
    </div>
  );
}

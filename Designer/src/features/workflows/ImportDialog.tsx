import { useState } from 'react';
import { Link } from '../../app/Link';
import { workflowsStore } from '../../app/services';
import type { ImportOutcome } from '../../store/workflows';
import { groupImportItems, importKindLabel, summarizeImportReport } from '../../model/importReport';
import { Modal } from './Modal';

export function ImportDialog({ tenant, onClose }: { tenant: string; onClose: () => void }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);

  const readFile = async (file: File | undefined) => {
    if (file) setText(await file.text());
  };
  const run = async () => {
    setBusy(true);
    setOutcome(await workflowsStore.getState().importJson(tenant, text));
    setBusy(false);
  };

  return (
    <Modal title="Import workflows" onClose={onClose} testId="import-dialog" wide>
      <p className="muted">Choose an exported workflow file (Elsa 3 JSON, one workflow or an array), or paste its JSON.</p>
      <label className="field">
        <span>File</span>
        <input type="file" accept=".json,application/json" onChange={(e) => void readFile(e.target.files?.[0])} data-testid="import-file" />
      </label>
      <label className="field">
        <span>JSON</span>
        <textarea className="mono" rows={12} value={text} onChange={(e) => setText(e.target.value)} data-testid="import-text" spellCheck={false} />
      </label>
      {outcome?.error && (
        <div className="alert error" role="alert" data-testid="import-error">
          {outcome.error}
          {outcome.problems.length > 0 && (
            <ul>{outcome.problems.map((p, i) => <li key={i}><strong>{p.activityName ?? p.activityId}</strong> ({p.activityType}): {p.message}</li>)}</ul>
          )}
        </div>
      )}
      {outcome?.results && (
        <div className="import-report" data-testid="import-report">
          {outcome.results.map((r) => (
            <div key={r.definitionId} className="card pad">
              <div><Link to={`/workflows/${encodeURIComponent(r.definitionId)}`} className="strong">{r.definitionId}</Link> imported as version {r.version}.</div>
              <div className="muted small" data-testid="import-summary">Kept but cannot run: {summarizeImportReport(r.report)}</div>
              {r.report.items.length > 0 && (
                <table className="table compact">
                  <thead><tr><th>Activity</th><th>Type</th><th>Kind</th><th>Problem</th></tr></thead>
                  <tbody>
                    {groupImportItems(r.report.items).flatMap((g) => g.items.map((item, i) => (
                      <tr key={`${g.activity}-${i}`}>
                        <td>{i === 0 ? g.activity : ''}</td>
                        <td className="mono small">{i === 0 ? g.type : ''}</td>
                        <td>{importKindLabel(item)}{item.property ? <span className="mono small"> {item.property}</span> : null}</td>
                        <td>{item.problem}</td>
                      </tr>
                    )))}
                  </tbody>
                </table>
              )}
            </div>
          ))}
        </div>
      )}
      <div className="modal-actions">
        <button type="button" className="btn ghost" onClick={onClose}>Close</button>
        <button type="button" className="btn primary" disabled={busy || !text.trim()} onClick={() => void run()} data-testid="import-submit">{busy ? 'Importing…' : 'Import'}</button>
      </div>
    </Modal>
  );
}

import { useState } from 'react';
import { navigate } from '../../app/router';
import { runsStore } from '../../app/services';
import { describeError } from '../../api/errors';
import { Modal } from '../workflows/Modal';

/** Run now: POST /workflows/{id}/run with input JSON, then open the instance. */
export function RunDialog({ tenant, definitionId, onClose }: { tenant: string; definitionId: string; onClose: () => void }) {
  const [text, setText] = useState('{\n  \n}');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    let input: unknown;
    try {
      input = text.trim() ? JSON.parse(text) : {};
    } catch (e) {
      setError(`Input is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const id = await runsStore.getState().runNow(tenant, definitionId, input);
      onClose();
      navigate(`/instances/${encodeURIComponent(id)}`);
    } catch (e) {
      setError(describeError(e));
      setBusy(false);
    }
  };
  return (
    <Modal title="Run workflow now" onClose={onClose} testId="run-dialog">
      <label className="field"><span>Input (JSON)</span>
        <textarea className="mono" rows={8} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} data-testid="run-input" />
      </label>
      {error && <div className="alert error" role="alert">{error}</div>}
      <div className="modal-actions">
        <button type="button" className="btn ghost" onClick={onClose}>Cancel</button>
        <button type="button" className="btn primary" disabled={busy} onClick={() => void run()} data-testid="run-submit">{busy ? 'Starting…' : 'Run'}</button>
      </div>
    </Modal>
  );
}

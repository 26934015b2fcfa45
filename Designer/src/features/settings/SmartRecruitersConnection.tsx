import { useEffect, useState } from 'react';
import { api } from '../../app/services';
import { describeError, NotFoundError } from '../../api/errors';
import type { Connection, ConnectionTestResult } from '../../api/types';

const NAME = 'smartrecruiters';

/** The tenant's SmartRecruiters connection. Secrets are write-only: blank keeps the stored value. */
export function SmartRecruitersConnection({ tenant }: { tenant: string }) {
  const [existing, setExisting] = useState<Connection | null>(null);
  const [baseUrl, setBaseUrl] = useState('https://api.smartrecruiters.com');
  const [company, setCompany] = useState('');
  const [authMode, setAuthMode] = useState<'apiKey' | 'oauth'>('apiKey');
  const [clientId, setClientId] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [webhookKeys, setWebhookKeys] = useState('');
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [test, setTest] = useState<ConnectionTestResult | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.connections.get(tenant, NAME).then((c) => {
      setExisting(c);
      const s = c.settings;
      if (typeof s.baseUrl === 'string') setBaseUrl(s.baseUrl);
      if (typeof s.companyIdentifier === 'string') setCompany(s.companyIdentifier);
      if (s.authMode === 'oauth' || s.authMode === 'apiKey') setAuthMode(s.authMode);
      if (typeof s.clientId === 'string') setClientId(s.clientId);
    }).catch((e: unknown) => {
      if (!(e instanceof NotFoundError)) setStatus({ kind: 'error', text: describeError(e) });
    });
  }, [tenant]);

  const save = async () => {
    setBusy(true);
    setStatus(null);
    try {
      const keys = webhookKeys.split('\n').map((k) => k.trim()).filter(Boolean);
      const saved = await api.connections.put(tenant, NAME, {
        kind: 'smartrecruiters',
        settings: { baseUrl, companyIdentifier: company, authMode, clientId: authMode === 'oauth' ? clientId : null },
        secrets: { apiKey: apiKey || null, clientSecret: clientSecret || null, webhookSecretKeys: keys.length ? keys : null },
      });
      setExisting(saved);
      setApiKey('');
      setClientSecret('');
      setWebhookKeys('');
      setStatus({ kind: 'info', text: 'Connection saved.' });
    } catch (e) {
      setStatus({ kind: 'error', text: describeError(e) });
    }
    setBusy(false);
  };
  const runTest = async () => {
    setTest(null);
    try {
      setTest(await api.connections.test(tenant, NAME));
    } catch (e) {
      setTest({ ok: false, message: describeError(e) });
    }
  };
  const has = (key: string) => existing?.secrets[key]?.hasValue === true;

  return (
    <form className="card pad form-grid" onSubmit={(e) => { e.preventDefault(); void save(); }} data-testid="sr-connection-form">
      <label className="field"><span>Base URL</span><input value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} data-testid="sr-base-url" /></label>
      <label className="field"><span>Company identifier</span><input value={company} onChange={(e) => setCompany(e.target.value)} data-testid="sr-company" /></label>
      <label className="field"><span>Authentication</span>
        <select value={authMode} onChange={(e) => setAuthMode(e.target.value === 'oauth' ? 'oauth' : 'apiKey')} data-testid="sr-auth-mode">
          <option value="apiKey">API key</option>
          <option value="oauth">OAuth client credentials</option>
        </select>
      </label>
      {authMode === 'apiKey' ? (
        <label className="field"><span>API key {has('apiKey') && <span className="badge green">stored</span>}</span>
          <input type="password" autoComplete="new-password" value={apiKey} placeholder={has('apiKey') ? 'Leave blank to keep the stored key' : ''} onChange={(e) => setApiKey(e.target.value)} data-testid="sr-api-key" />
        </label>
      ) : (
        <>
          <label className="field"><span>Client id</span><input value={clientId} onChange={(e) => setClientId(e.target.value)} data-testid="sr-client-id" /></label>
          <label className="field"><span>Client secret {has('clientSecret') && <span className="badge green">stored</span>}</span>
            <input type="password" autoComplete="new-password" value={clientSecret} placeholder={has('clientSecret') ? 'Leave blank to keep the stored secret' : ''} onChange={(e) => setClientSecret(e.target.value)} data-testid="sr-client-secret" />
          </label>
        </>
      )}
      <label className="field"><span>Webhook secret keys {has('webhookSecretKeys') && <span className="badge green">stored</span>}</span>
        <textarea rows={2} value={webhookKeys} placeholder="One per line; blank keeps the stored keys" onChange={(e) => setWebhookKeys(e.target.value)} data-testid="sr-webhook-keys" />
      </label>
      {status && <div className={`alert ${status.kind}`} role="status">{status.text}</div>}
      {test && <div className={`alert ${test.ok ? 'info' : 'error'}`} role="status" data-testid="sr-test-result">{test.ok ? '✓ ' : '✗ '}{test.message}</div>}
      <div className="form-actions">
        <button type="button" className="btn" onClick={() => void runTest()} disabled={!existing} data-testid="sr-test">Test connection</button>
        <button type="submit" className="btn primary" disabled={busy} data-testid="sr-save">Save</button>
      </div>
    </form>
  );
}

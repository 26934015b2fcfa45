import { useState } from 'react';
import { hookUrl } from './hookUrl';

/** The public URL of an Elsa.HttpEndpoint trigger, with a copy button. */
export function HttpEndpointInfo({ tenant, path }: { tenant: string; path: string }) {
  const [copied, setCopied] = useState(false);
  const url = hookUrl(window.location.origin, tenant, path);
  return (
    <div className="trigger-info">
      <div className="prop-label">Endpoint URL</div>
      <div className="copy-row">
        <code className="url" data-testid="http-endpoint-url">{url}</code>
        <button
          type="button" className="btn small" aria-label="Copy endpoint URL" data-testid="copy-endpoint-url"
          onClick={() => {
            void navigator.clipboard?.writeText(url).then(() => { setCopied(true); setTimeout(() => setCopied(false), 1500); });
          }}
        >{copied ? 'Copied' : 'Copy'}</button>
      </div>
    </div>
  );
}

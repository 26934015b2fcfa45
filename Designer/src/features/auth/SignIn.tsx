import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { sessionStore, useSession } from '../../app/services';

export function SignIn() {
  const { signingIn, error } = useSession(useShallow((s) => ({ signingIn: s.signingIn, error: s.error })));
  const [token, setToken] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void sessionStore.getState().signIn(token);
  };
  return (
    <div className="signin">
      <form className="signin-card" onSubmit={submit} data-testid="signin-form">
        <div className="brand big"><img src="/favicon.svg" alt="" width={32} height={32} /> RulesEngine</div>
        <p className="muted">Sign in with an API token issued for your tenant.</p>
        <label className="field">
          <span>Token</span>
          <input type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} data-testid="signin-token" autoFocus />
        </label>
        {error && <div className="alert error" role="alert" data-testid="signin-error">{error}</div>}
        <button type="submit" className="btn primary wide" disabled={signingIn} data-testid="signin-submit">{signingIn ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </div>
  );
}

import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { SignIn } from '../features/auth/SignIn';
import { TenantSwitcher } from '../features/auth/TenantSwitcher';
import { InstanceView } from '../features/runs/InstanceView';
import { InstancesPage } from '../features/runs/InstancesPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { EditorPage } from '../features/workflows/EditorPage';
import { WorkflowList } from '../features/workflows/WorkflowList';
import { Link } from './Link';
import { matchRoute, useLocation } from './router';
import { catalogStore, sessionStore, useSession } from './services';

export function App() {
  const { token, tenants, tenant } = useSession(useShallow((s) => ({ token: s.token, tenants: s.tenants, tenant: s.tenant })));
  const { path, query } = useLocation();

  // A stored token from this tab: re-validate it and load the tenants once.
  useEffect(() => {
    if (token && tenants.length === 0) void sessionStore.getState().signIn(token);
  }, [token, tenants.length]);
  useEffect(() => {
    if (token) void catalogStore.getState().load(tenant);
  }, [token, tenant]);

  if (!token) return <SignIn />;
  const route = matchRoute(path, query);
  const section = route.name === 'editor' || route.name === 'workflows' ? 'workflows' : route.name === 'instance' || route.name === 'instances' ? 'instances' : route.name;

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand"><img src="/favicon.svg" alt="" width={22} height={22} /> RulesEngine <span>Designer</span></div>
        <nav className="mainnav" aria-label="Main">
          <Link to="/workflows" data-testid="nav-workflows" aria-current={section === 'workflows' ? 'page' : undefined}>Workflows</Link>
          <Link to="/instances" data-testid="nav-instances" aria-current={section === 'instances' ? 'page' : undefined}>Runs</Link>
          <Link to="/settings" data-testid="nav-settings" aria-current={section === 'settings' ? 'page' : undefined}>Settings</Link>
        </nav>
        <div className="topbar-right">
          <TenantSwitcher />
          <button type="button" className="btn ghost" data-testid="sign-out" onClick={() => sessionStore.getState().signOut()}>Sign out</button>
        </div>
      </header>
      <main className="content">
        {!tenant ? (
          <div className="empty">No tenant available for this token.</div>
        ) : route.name === 'workflows' ? (
          <WorkflowList tenant={tenant} />
        ) : route.name === 'editor' ? (
          <EditorPage key={`${tenant}/${route.id}/${route.version ?? 'latest'}`} tenant={tenant} definitionId={route.id} version={route.version} />
        ) : route.name === 'instances' ? (
          <InstancesPage tenant={tenant} />
        ) : route.name === 'instance' ? (
          <InstanceView key={route.id} tenant={tenant} instanceId={route.id} />
        ) : route.name === 'settings' ? (
          <SettingsPage tenant={tenant} />
        ) : (
          <div className="empty">Page not found. <Link to="/workflows">Go to workflows</Link></div>
        )}
      </main>
    </div>
  );
}

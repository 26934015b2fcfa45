import { useShallow } from 'zustand/react/shallow';
import { navigate } from '../../app/router';
import { sessionStore, useSession } from '../../app/services';

export function TenantSwitcher() {
  const { tenants, tenant } = useSession(useShallow((s) => ({ tenants: s.tenants, tenant: s.tenant })));
  if (tenants.length === 0) return null;
  return (
    <label className="tenant-switcher">
      <span>Tenant</span>
      <select
        aria-label="Tenant"
        data-testid="tenant-switcher"
        value={tenant ?? ''}
        onChange={(e) => {
          sessionStore.getState().setTenant(e.target.value);
          navigate('/workflows');
        }}
      >
        {tenants.map((t) => <option key={t.id} value={t.id}>{t.name || t.id}</option>)}
      </select>
    </label>
  );
}

import { useState } from 'react';
import { MappingTables } from './MappingTables';
import { SmartRecruitersConnection } from './SmartRecruitersConnection';
import { VendorEndpoints } from './VendorEndpoints';

type Tab = 'smartrecruiters' | 'endpoints' | 'mappings';

export function SettingsPage({ tenant }: { tenant: string }) {
  const [tab, setTab] = useState<Tab>('smartrecruiters');
  return (
    <div className="page">
      <div className="page-header"><div><h1>Settings</h1><p className="muted">Connections and mapping tables of {tenant}</p></div></div>
      <div className="tabs" role="tablist" aria-label="Settings sections">
        {([['smartrecruiters', 'SmartRecruiters'], ['endpoints', 'Vendor endpoints'], ['mappings', 'Mapping tables']] as const).map(([id, label]) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} className={tab === id ? 'active' : ''} onClick={() => setTab(id)} data-testid={`settings-tab-${id}`}>{label}</button>
        ))}
      </div>
      {tab === 'smartrecruiters' && <SmartRecruitersConnection key={tenant} tenant={tenant} />}
      {tab === 'endpoints' && <VendorEndpoints key={tenant} tenant={tenant} />}
      {tab === 'mappings' && <MappingTables key={tenant} tenant={tenant} />}
    </div>
  );
}

import { useEffect, useState } from 'react';
import { api } from '../../app/services';
import type { SmartRecruitersOptions } from '../../api/types';
import type { Activity } from '../../model/workflow';
import { literalString, withLiteral } from './literal';
import { SR_EVENT_INPUTS, SR_EVENTS, SR_STATUSES } from './smartRecruitersLists';

const optionsCache = new Map<string, Promise<SmartRecruitersOptions | null>>();

function loadOptions(tenant: string): Promise<SmartRecruitersOptions | null> {
  let p = optionsCache.get(tenant);
  if (!p) {
    p = api.connections.smartRecruitersOptions(tenant).catch(() => null);
    optionsCache.set(tenant, p);
  }
  return p;
}

/** Event / job / status / sub-status pickers for SmartRecruiters.Event; live values when the connection answers. */
export function SmartRecruitersEventPickers({ tenant, activity, readOnly, onChange }: { tenant: string; activity: Activity; readOnly: boolean; onChange: (a: Activity) => void }) {
  const [options, setOptions] = useState<SmartRecruitersOptions | null>(null);
  useEffect(() => {
    let live = true;
    void loadOptions(tenant).then((o) => { if (live) setOptions(o); });
    return () => { live = false; };
  }, [tenant]);
  const event = literalString(activity, SR_EVENT_INPUTS.event);
  const job = literalString(activity, SR_EVENT_INPUTS.job);
  const status = literalString(activity, SR_EVENT_INPUTS.status);
  const subStatus = literalString(activity, SR_EVENT_INPUTS.subStatus);
  const statuses = options?.statuses.length ? options.statuses : [...SR_STATUSES];
  const subStatuses = (status && options?.subStatuses[status]) || [];
  const set = (name: string, value: string) => onChange(withLiteral(activity, name, 'String', value || null));

  return (
    <div className="trigger-info" data-testid="sr-event-pickers">
      {!options && <div className="muted small">Using the standard SmartRecruiters lists (connection options unavailable).</div>}
      <label className="field"><span>Event</span>
        <select value={event} disabled={readOnly} onChange={(e) => set(SR_EVENT_INPUTS.event, e.target.value)} data-testid="input-event">
          <option value="">— any event —</option>
          {SR_EVENTS.map((e) => <option key={e} value={e}>{e}</option>)}
        </select>
      </label>
      <label className="field"><span>Job</span>
        {options?.jobs.length ? (
          <select value={job} disabled={readOnly} onChange={(e) => set(SR_EVENT_INPUTS.job, e.target.value)} data-testid="input-jobId">
            <option value="">— any job —</option>
            {options.jobs.map((j) => <option key={j.id} value={j.id}>{j.title}</option>)}
          </select>
        ) : (
          <input value={job} disabled={readOnly} placeholder="Any job (or a job id)" onChange={(e) => set(SR_EVENT_INPUTS.job, e.target.value)} data-testid="input-jobId" />
        )}
      </label>
      <label className="field"><span>Status</span>
        <select value={status} disabled={readOnly} onChange={(e) => onChange(withLiteral(withLiteral(activity, SR_EVENT_INPUTS.status, 'String', e.target.value || null), SR_EVENT_INPUTS.subStatus, 'String', null))} data-testid="input-status">
          <option value="">— any status —</option>
          {statuses.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </label>
      <label className="field"><span>Sub-status</span>
        {subStatuses.length > 0 ? (
          <select value={subStatus} disabled={readOnly} onChange={(e) => set(SR_EVENT_INPUTS.subStatus, e.target.value)} data-testid="input-subStatus">
            <option value="">— any —</option>
            {subStatuses.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        ) : (
          <input value={subStatus} disabled={readOnly} placeholder="Any" onChange={(e) => set(SR_EVENT_INPUTS.subStatus, e.target.value)} data-testid="input-subStatus" />
        )}
      </label>
    </div>
  );
}

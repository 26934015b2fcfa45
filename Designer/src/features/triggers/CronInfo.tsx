import { useMemo, useState } from 'react';
import { describeCron, formatInZone, nextFireTimes } from '../../model/cron';

const ZONES = ['UTC', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'Europe/Warsaw', 'America/New_York', 'America/Chicago', 'America/Los_Angeles', 'Asia/Kolkata', 'Asia/Singapore', 'Australia/Sydney'];

/** Plain-language cron description and the next five fire times in a chosen zone. */
export function CronInfo({ expression, timeZone }: { expression: string; timeZone: string | null }) {
  const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [zone, setZone] = useState(timeZone || 'UTC');
  const description = useMemo(() => describeCron(expression), [expression]);
  const fires = useMemo(() => {
    if (!description.ok) return [];
    try {
      return nextFireTimes(expression, zone, new Date(), 5);
    } catch {
      return [];
    }
  }, [description.ok, expression, zone]);
  const zones = [...new Set([zone, 'UTC', local, ...ZONES])];
  return (
    <div className="trigger-info" data-testid="cron-info">
      {description.ok ? <div className="cron-text" data-testid="cron-description">{description.text}</div> : <div className="prop-problem" data-testid="cron-error">{description.error}</div>}
      {fires.length > 0 && (
        <>
          <label className="field inline">
            <span>Time zone</span>
            <select aria-label="Time zone for next fire times" value={zone} onChange={(e) => setZone(e.target.value)} data-testid="cron-timezone">
              {zones.map((z) => <option key={z} value={z}>{z}</option>)}
            </select>
          </label>
          <ol className="fire-times" aria-label="Next fire times" data-testid="cron-next">
            {fires.map((d) => <li key={d.toISOString()}>{formatInZone(d, zone)}</li>)}
          </ol>
        </>
      )}
    </div>
  );
}

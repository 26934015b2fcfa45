import { describe, expect, it } from 'vitest';
import { describeCron, formatInZone, nextFireTimes, splitQuartz, validateCron } from './cron';

describe('describeCron', () => {
  it('describes a Quartz expression in plain language', () => {
    const r = describeCron('0 0/15 8-17 ? * MON-FRI');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.text).toBe('Every 15 minutes, between 08:00 and 17:59, Monday through Friday');
  });

  it('numbers weekdays per dialect: Quartz from Sunday 1, Unix from Sunday 0', () => {
    expect(describeCron('0 0 9 ? * 2')).toEqual({ ok: true, text: 'At 09:00, only on Monday' });
    expect(describeCron('0 9 * * 1')).toEqual({ ok: true, text: 'At 09:00, only on Monday' });
    const friday = new Date('2026-05-01T12:00:00Z');
    expect(nextFireTimes('0 0 9 ? * 2-6', 'UTC', friday, 1).map((d) => d.toISOString())).toEqual(['2026-05-04T09:00:00.000Z']);
    expect(nextFireTimes('0 9 * * 1-5', 'UTC', friday, 1).map((d) => d.toISOString())).toEqual(['2026-05-04T09:00:00.000Z']);
  });

  it('describes a 5-field expression', () => {
    const r = describeCron('30 2 * * *');
    expect(r).toEqual({ ok: true, text: 'At 02:30' });
  });

  it('rejects nonsense with a message', () => {
    expect(describeCron('every day').ok).toBe(false);
    expect(describeCron('').ok).toBe(false);
    expect(validateCron('0 0 25 * * ?')).not.toBeNull();
  });
});

describe('nextFireTimes', () => {
  const from = new Date('2026-03-27T12:00:00Z'); // a Friday, two days before the EU DST switch

  it('returns the next five fire times in UTC', () => {
    const times = nextFireTimes('0 0/15 * * * ?', 'UTC', from, 5).map((d) => d.toISOString());
    expect(times).toEqual(['2026-03-27T12:15:00.000Z', '2026-03-27T12:30:00.000Z', '2026-03-27T12:45:00.000Z', '2026-03-27T13:00:00.000Z', '2026-03-27T13:15:00.000Z']);
  });

  it('evaluates in the chosen time zone across a DST change', () => {
    // 09:00 Berlin on weekdays: CET (UTC+1) on Friday, CEST (UTC+2) from Monday.
    const times = nextFireTimes('0 0 9 ? * MON-FRI', 'Europe/Berlin', from, 3).map((d) => d.toISOString());
    expect(times).toEqual(['2026-03-30T07:00:00.000Z', '2026-03-31T07:00:00.000Z', '2026-04-01T07:00:00.000Z']);
  });

  it('honours a Quartz year field', () => {
    const times = nextFireTimes('0 0 0 1 1 ? 2028', 'UTC', from, 5).map((d) => d.toISOString());
    expect(times).toEqual(['2028-01-01T00:00:00.000Z']);
    expect(splitQuartz('0 0 0 1 1 ? 2028')).toEqual({ expression: '0 0 0 1 1 ?', year: '2028' });
  });

  it('formats a fire time in the zone', () => {
    expect(formatInZone(new Date('2026-03-30T07:00:00Z'), 'Europe/Berlin')).toContain('09:00');
  });
});

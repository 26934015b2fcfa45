import cronstrue from 'cronstrue';
import { CronExpressionParser } from 'cron-parser';

// Elsa's Cron trigger uses Quartz syntax: 6 or 7 fields (seconds first, optional year), `?` allowed.
// cron-parser understands 5/6 fields and `?`; a 7th (year) field is checked here.

export interface CronFields { expression: string; year: string | null }

// The server reads 5 fields as Unix crontab (Sunday 0) and 6-7 as Quartz (Sunday 1), so a Quartz weekday number is moved
// down by one for cron-parser, which always counts from Sunday 0.
export function splitQuartz(expression: string): CronFields {
  const parts = expression.trim().split(/\s+/).filter((p) => p.length > 0);
  if (parts.length >= 6) parts[5] = quartzWeekdaysToUnix(parts[5] ?? '*');
  if (parts.length === 7) return { expression: parts.slice(0, 6).join(' '), year: parts[6] ?? null };
  return { expression: parts.join(' '), year: null };
}

/** `2-6` → `1-5`, `6#3` → `5#3`, `6L` → `5L`; steps, names, `*` and `?` stay. */
export function quartzWeekdaysToUnix(field: string): string {
  return field.replace(/(^|[,-])(\d+)/g, (_, lead: string, day: string) => `${lead}${Number(day) - 1}`);
}

/** Plain-language description, e.g. "Every 15 minutes, between 08:00 AM and 05:59 PM, Monday through Friday". */
export function describeCron(expression: string): { ok: true; text: string } | { ok: false; error: string } {
  if (expression.trim().length === 0) return { ok: false, error: 'Enter a cron expression.' };
  const check = validateCron(expression);
  if (check) return { ok: false, error: check };
  try {
    const quartz = expression.trim().split(/\s+/).length >= 6;
    return { ok: true, text: cronstrue.toString(expression.trim(), { use24HourTimeFormat: true, verbose: false, dayOfWeekStartIndexZero: !quartz }) };
  } catch (e) {
    return { ok: false, error: typeof e === 'string' ? e : e instanceof Error ? e.message : 'Invalid cron expression.' };
  }
}

/** Returns an error message, or null when the expression parses. */
export function validateCron(expression: string): string | null {
  const parts = expression.trim().split(/\s+/);
  if (parts.length < 5 || parts.length > 7) return `Expected 5–7 fields, found ${parts.length}.`;
  try {
    CronExpressionParser.parse(splitQuartz(expression).expression, { strict: false });
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : 'Invalid cron expression.';
  }
}

/** The next `count` fire times after `from`, evaluated in IANA time zone `timeZone`, as UTC Dates. */
export function nextFireTimes(expression: string, timeZone: string, from: Date, count = 5): Date[] {
  const { expression: expr, year } = splitQuartz(expression);
  const years = year && year !== '*' && year !== '?' ? parseYears(year) : null;
  const interval = CronExpressionParser.parse(expr, { tz: timeZone, currentDate: from, strict: false });
  const result: Date[] = [];
  for (let guard = 0; result.length < count && guard < 10000; guard++) {
    let next: Date;
    try {
      next = interval.next().toDate();
    } catch {
      break;
    }
    if (years) {
      const y = Number(new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(next));
      if (!years.has(y)) {
        if (y > Math.max(...years)) break;
        continue;
      }
    }
    result.push(next);
  }
  return result;
}

function parseYears(field: string): Set<number> {
  const years = new Set<number>();
  for (const part of field.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText ? Number(stepText) : 1;
    const [lo, hi] = (range ?? '').split('-').map(Number);
    if (lo === undefined || Number.isNaN(lo)) continue;
    const end = hi === undefined || Number.isNaN(hi) ? (stepText ? 2099 : lo) : hi;
    for (let y = lo; y <= end; y += step) years.add(y);
  }
  return years;
}

/** Formats a fire time in the chosen zone, e.g. "Mon 5 Jan 2026, 08:00". */
export function formatInZone(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(date);
}

import type { ActivityDescriptor } from '../api/types';
import { getInput, isRecord, type Activity, type Connection } from './workflow';

export const DEFAULT_OUTCOME = 'Done';
export const IN_PORT = 'In';

/** Names from a dynamic-outcomes input: a list of strings, of `{label}`/`{name}` objects, JSON text, or lines. */
export function outcomeNamesFromValue(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value
      .map((item) => {
        if (typeof item === 'string') return item;
        if (isRecord(item)) {
          const label = item.label ?? item.name ?? item.outcome;
          return typeof label === 'string' ? label : '';
        }
        return '';
      })
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (text.startsWith('[')) {
      try {
        return outcomeNamesFromValue(JSON.parse(text));
      } catch {
        return [];
      }
    }
    return text.split(/[\n,]/).map((s) => s.trim()).filter((s) => s.length > 0);
  }
  return [];
}

/**
 * The outcome ports of an activity: the descriptor's static outcomes, then dynamic ones from its
 * `dynamicOutcomesInput` (FlowFork branches, FlowSwitch cases), then any port an existing connection
 * uses (so unknown types and stale ports keep their edges).
 */
export function outcomePorts(
  activity: Activity,
  descriptor: ActivityDescriptor | undefined,
  connections: readonly Connection[] = [],
): string[] {
  const ports: string[] = [];
  const add = (p: string) => {
    if (!ports.includes(p)) ports.push(p);
  };
  if (descriptor) {
    descriptor.outcomes.forEach(add);
    if (descriptor.dynamicOutcomesInput) {
      const input = getInput(activity, descriptor.dynamicOutcomesInput);
      const raw = input?.expression ? input.expression.value : activity[descriptor.dynamicOutcomesInput];
      outcomeNamesFromValue(raw).forEach(add);
    }
  }
  for (const c of connections) {
    if (c.source.activity === activity.id) add(c.source.port ?? DEFAULT_OUTCOME);
  }
  if (ports.length === 0) add(DEFAULT_OUTCOME);
  return ports;
}

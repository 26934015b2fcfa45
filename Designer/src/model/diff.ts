import { normalizeConnection } from './graph';
import { activityLabel, type Activity, type WorkflowDefinition } from './workflow';

export interface ActivityRef { id: string; name: string; type: string }

export interface PropertyChange { property: string; before: unknown; after: unknown }

export interface ChangedActivity extends ActivityRef { changes: PropertyChange[] }

export interface WorkflowDiff {
  added: ActivityRef[];
  removed: ActivityRef[];
  changed: ChangedActivity[];
  connectionsAdded: string[];
  connectionsRemoved: string[];
  /** Top-level changes: name, description, variables, inputs, options. */
  workflowChanges: PropertyChange[];
}

/** Keys that never count as a change: identity and layout. */
const IGNORED_KEYS = new Set(['id', 'metadata']);
const WORKFLOW_KEYS = ['name', 'description', 'variables', 'inputs', 'outputs', 'options'] as const;

/** Compares two versions of a workflow by activity id: added, removed, and changed inputs/properties. */
export function diffWorkflows(before: WorkflowDefinition, after: WorkflowDefinition): WorkflowDiff {
  const a = byId(before.root?.activities ?? []);
  const b = byId(after.root?.activities ?? []);
  const added: ActivityRef[] = [];
  const removed: ActivityRef[] = [];
  const changed: ChangedActivity[] = [];
  for (const [id, act] of b) if (!a.has(id)) added.push(ref(act));
  for (const [id, act] of a) {
    const other = b.get(id);
    if (!other) {
      removed.push(ref(act));
      continue;
    }
    const changes = diffActivity(act, other);
    if (changes.length > 0) changed.push({ ...ref(other), changes });
  }
  const ca = connectionKeys(before);
  const cb = connectionKeys(after);
  const workflowChanges: PropertyChange[] = [];
  for (const key of WORKFLOW_KEYS) {
    if (stableStringify(before[key] ?? null) !== stableStringify(after[key] ?? null)) {
      workflowChanges.push({ property: key, before: before[key], after: after[key] });
    }
  }
  return {
    added,
    removed,
    changed,
    connectionsAdded: [...cb].filter((k) => !ca.has(k)).sort(),
    connectionsRemoved: [...ca].filter((k) => !cb.has(k)).sort(),
    workflowChanges,
  };
}

export function isEmptyDiff(d: WorkflowDiff): boolean {
  return d.added.length + d.removed.length + d.changed.length + d.connectionsAdded.length
    + d.connectionsRemoved.length + d.workflowChanges.length === 0;
}

function diffActivity(before: Activity, after: Activity): PropertyChange[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: PropertyChange[] = [];
  for (const key of [...keys].sort()) {
    if (IGNORED_KEYS.has(key)) continue;
    if (stableStringify(before[key] ?? null) !== stableStringify(after[key] ?? null)) {
      changes.push({ property: key, before: before[key], after: after[key] });
    }
  }
  return changes;
}

function byId(activities: Activity[]): Map<string, Activity> {
  return new Map(activities.map((x) => [x.id, x]));
}

function ref(a: Activity): ActivityRef {
  return { id: a.id, name: activityLabel(a), type: a.type };
}

function connectionKeys(w: WorkflowDefinition): Set<string> {
  const names = new Map((w.root?.activities ?? []).map((x) => [x.id, activityLabel(x)]));
  const keys = new Set<string>();
  for (const raw of (w.root?.connections ?? []) as unknown[]) {
    const c = normalizeConnection(raw);
    if (!c) continue;
    const s = names.get(c.source.activity) ?? c.source.activity;
    const t = names.get(c.target.activity) ?? c.target.activity;
    keys.add(`${s} [${c.source.port ?? 'Done'}] → ${t}`);
  }
  return keys;
}

/** JSON with sorted object keys, so property order never shows up as a change. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
    }
    return v;
  });
}

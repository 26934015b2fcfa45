import type { ActivityDescriptor } from '../api/types';
import { normalizeConnection } from './graph';
import { outcomePorts } from './ports';
import { activityLabel, getInput, type WorkflowDefinition } from './workflow';

export interface ValidationIssue {
  activityId: string | null;
  input: string | null;
  severity: 'error' | 'warning';
  code: string;
  message: string;
}

/**
 * Client-side checks shown while editing. The server's publish validation is the authority; this
 * catches the obvious things early (unknown types, missing required inputs, dangling connections).
 */
export function validateWorkflow(workflow: WorkflowDefinition, descriptors: ReadonlyMap<string, ActivityDescriptor>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const activities = workflow.root?.activities ?? [];
  const connections = ((workflow.root?.connections ?? []) as unknown[]).map(normalizeConnection).filter((c) => c !== null);
  const ids = new Set<string>();
  const names = new Map<string, string>();
  if (!workflow.name || workflow.name.trim().length === 0) {
    issues.push({ activityId: null, input: null, severity: 'error', code: 'name-required', message: 'The workflow needs a name.' });
  }
  for (const a of activities) {
    if (ids.has(a.id)) issues.push({ activityId: a.id, input: null, severity: 'error', code: 'duplicate-id', message: `Duplicate activity id '${a.id}'.` });
    ids.add(a.id);
    if (a.name) {
      const other = names.get(a.name);
      if (other && other !== a.id) issues.push({ activityId: a.id, input: null, severity: 'warning', code: 'duplicate-name', message: `Another activity is also named '${a.name}'.` });
      names.set(a.name, a.id);
    }
    const d = descriptors.get(a.type);
    if (!d) {
      issues.push({ activityId: a.id, input: null, severity: 'error', code: 'unknown-type', message: `${activityLabel(a)}: unknown activity type '${a.type}' (kept as is; cannot publish).` });
      continue;
    }
    for (const input of d.inputs) {
      if (!input.required) continue;
      const v = getInput(a, input.name);
      const value = v?.expression?.value;
      if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
        issues.push({ activityId: a.id, input: input.name, severity: 'error', code: 'input-required', message: `${activityLabel(a)}: '${input.displayName}' is required.` });
      }
    }
  }
  for (const c of connections) {
    const s = activities.find((a) => a.id === c.source.activity);
    if (!s || !ids.has(c.target.activity)) {
      issues.push({ activityId: s?.id ?? null, input: null, severity: 'error', code: 'dangling-connection', message: `A connection points to a missing activity (${c.source.activity} → ${c.target.activity}).` });
      continue;
    }
    const d = descriptors.get(s.type);
    if (d) {
      const declared = outcomePorts(s, d, []);
      if (c.source.port && !declared.includes(c.source.port)) {
        issues.push({ activityId: s.id, input: null, severity: 'warning', code: 'unknown-port', message: `${activityLabel(s)}: outcome '${c.source.port}' is not declared by the activity.` });
      }
    }
  }
  return issues;
}

import type { WorkflowDefinition } from './workflow';

export interface CompletionItemSpec { label: string; kind: 'global' | 'variable' | 'input' | 'member'; detail: string; insertText: string }

/** Globals every C# expression sees (DESIGN.md "C# expressions"). */
export const SCRIPT_GLOBALS: ReadonlyArray<CompletionItemSpec> = [
  { label: 'Variables', kind: 'global', detail: 'Workflow variables (typed, get/set)', insertText: 'Variables' },
  { label: 'Input', kind: 'global', detail: 'Declared workflow inputs', insertText: 'Input' },
  { label: 'Trigger', kind: 'global', detail: 'Trigger payload as JSON: Trigger["candidateId"]', insertText: 'Trigger' },
  { label: 'Output', kind: 'global', detail: 'Output.From("activityName")', insertText: 'Output' },
  { label: 'Mappings', kind: 'global', detail: 'Tenant mapping tables: Mappings["table"]["key"]', insertText: 'Mappings' },
  { label: 'Tenant', kind: 'global', detail: 'The current tenant', insertText: 'Tenant' },
  { label: 'Now', kind: 'global', detail: 'Current time (DateTimeOffset, UTC)', insertText: 'Now' },
];

/**
 * Completion items for a position: after `Variables.` the variable names, after `Input.` the input names,
 * after `Output.` the From helper, otherwise the globals.
 */
export function completionsFor(textBeforeCursor: string, workflow: Pick<WorkflowDefinition, 'variables' | 'inputs' | 'root'>): CompletionItemSpec[] {
  const member = /\b(Variables|Input|Output)\.(\w*)$/.exec(textBeforeCursor);
  if (member) {
    if (member[1] === 'Variables') {
      return (workflow.variables ?? []).map((v) => ({ label: v.name, kind: 'variable', detail: v.typeName, insertText: v.name }));
    }
    if (member[1] === 'Input') {
      return (workflow.inputs ?? []).map((i) => ({ label: i.name, kind: 'input', detail: i.type, insertText: i.name }));
    }
    return (workflow.root?.activities ?? [])
      .filter((a) => a.name)
      .map((a) => ({ label: `From("${a.name}")`, kind: 'member', detail: a.type, insertText: `From("${a.name}")` }));
  }
  return [...SCRIPT_GLOBALS];
}

import type { WorkflowDefinition } from '../../model/workflow';

// Kept apart from monacoSetup so the editor page can set it without pulling Monaco into the first bundle.
type Source = () => Pick<WorkflowDefinition, 'variables' | 'inputs' | 'root'> | null;

let current: Source = () => null;

/** The workflow the C# completion provider offers names from (the open editor sets it). */
export function setCompletionSource(source: Source): void {
  current = source;
}

export function getCompletionWorkflow(): ReturnType<Source> {
  return current();
}

import type { ActivityDescriptor, InputDescriptor, WorkflowVersionModel } from '../api/types';
import type { Activity, WorkflowDefinition } from '../model/workflow';

export function input(name: string, overrides: Partial<InputDescriptor> = {}): InputDescriptor {
  return { name, displayName: name, typeName: 'String', uiHint: 'singleline', options: [], required: false, order: 0, ...overrides };
}

export function descriptor(typeName: string, overrides: Partial<ActivityDescriptor> = {}): ActivityDescriptor {
  return {
    typeName, category: 'Test', displayName: typeName, kind: 'Action', isTrigger: false, isContainer: false,
    inputs: [], outputs: [], outcomes: ['Done'], ...overrides,
  };
}

export function activity(id: string, type: string, extra: Partial<Activity> = {}): Activity {
  return { id, type, name: id, ...extra };
}

export function workflow(activities: Activity[], connections: WorkflowDefinition['root']['connections'] = [], extra: Partial<WorkflowDefinition> = {}): WorkflowDefinition {
  return {
    definitionId: 'wf1', name: 'Test workflow', variables: [], inputs: [],
    root: { id: 'root', type: 'Elsa.Flowchart', activities, connections },
    ...extra,
  };
}

export function versionModel(definition: WorkflowDefinition, overrides: Partial<WorkflowVersionModel> = {}): WorkflowVersionModel {
  return {
    definition, version: 1, isPublished: false, isLatest: true, publishedVersion: null,
    concurrencyStamp: 'stamp-1', savedBy: 'alice', savedAt: '2026-11-01T10:00:00Z', ...overrides,
  };
}

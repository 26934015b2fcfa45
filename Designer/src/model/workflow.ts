// Elsa 3 workflow definition shape (see shared/DESIGN.md). Every object keeps an index signature so that
// properties the designer does not understand survive a load/save round trip untouched.

export type ExpressionType = 'Literal' | 'Object' | 'CSharp' | 'Variable' | 'JavaScript' | 'Liquid' | string;

export interface Expression { type: ExpressionType; value: unknown; [key: string]: unknown }

/** An input value as stored on an activity: `{"typeName","expression":{"type","value"}}`. */
export interface InputValue { typeName?: string; expression?: Expression; [key: string]: unknown }

/** An output bound to a workflow variable. */
export interface OutputBinding { typeName?: string; memoryReference?: { id: string; [key: string]: unknown }; [key: string]: unknown }

export interface Position { x: number; y: number }

export interface Activity {
  id: string;
  type: string;
  name?: string;
  version?: number;
  customProperties?: { canStartWorkflow?: boolean; [key: string]: unknown };
  metadata?: { designer?: { position?: Position; [key: string]: unknown }; [key: string]: unknown };
  [key: string]: unknown;
}

export interface Endpoint { activity: string; port?: string | null; [key: string]: unknown }

export interface Connection { source: Endpoint; target: Endpoint; [key: string]: unknown }

export interface Flowchart extends Activity {
  type: 'Elsa.Flowchart' | string;
  activities: Activity[];
  connections: Connection[];
}

export interface Variable { id: string; name: string; typeName: string; value?: unknown; [key: string]: unknown }

export interface WorkflowInput { name: string; type: string; displayName?: string; defaultValue?: unknown; [key: string]: unknown }

export interface WorkflowDefinition {
  id?: string;
  definitionId?: string;
  tenantId?: string;
  name: string;
  description?: string;
  version?: number;
  isLatest?: boolean;
  isPublished?: boolean;
  variables?: Variable[];
  inputs?: WorkflowInput[];
  outputs?: unknown[];
  options?: Record<string, unknown>;
  root: Flowchart;
  [key: string]: unknown;
}

/** Keys on an activity that are structure, not inputs/outputs. */
export const RESERVED_ACTIVITY_KEYS = new Set(['id', 'type', 'name', 'version', 'customProperties', 'metadata', 'nodeId']);

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function emptyWorkflow(name: string): WorkflowDefinition {
  return {
    name,
    description: '',
    variables: [],
    inputs: [],
    outputs: [],
    options: {},
    root: { id: 'flowchart1', type: 'Elsa.Flowchart', version: 1, activities: [], connections: [] },
  };
}

export function getPosition(activity: Activity): Position | null {
  const p = activity.metadata?.designer?.position;
  return p && typeof p.x === 'number' && typeof p.y === 'number' ? { x: p.x, y: p.y } : null;
}

export function withPosition(activity: Activity, position: Position): Activity {
  const metadata = activity.metadata ?? {};
  const designer = metadata.designer ?? {};
  return { ...activity, metadata: { ...metadata, designer: { ...designer, position: { x: Math.round(position.x), y: Math.round(position.y) } } } };
}

export function getInput(activity: Activity, name: string): InputValue | undefined {
  const value = activity[name];
  return isRecord(value) ? (value as InputValue) : undefined;
}

export function setInput(activity: Activity, name: string, value: InputValue | undefined): Activity {
  const next: Activity = { ...activity };
  if (value === undefined) delete next[name];
  else next[name] = value;
  return next;
}

/** Display label of an activity: its name, else the short type name. */
export function activityLabel(activity: Activity): string {
  return activity.name && activity.name.length > 0 ? activity.name : shortType(activity.type);
}

export function shortType(typeName: string): string {
  const dot = typeName.lastIndexOf('.');
  return dot >= 0 ? typeName.slice(dot + 1) : typeName;
}

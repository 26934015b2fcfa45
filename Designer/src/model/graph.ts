// Workflow JSON ⇄ graph (nodes/edges) conversion. Framework-free: the shapes are structurally what
// React Flow expects, but nothing here imports React.
import { DEFAULT_OUTCOME, IN_PORT } from './ports';
import { getPosition, isRecord, withPosition, type Activity, type Connection, type Flowchart, type Position, type WorkflowDefinition } from './workflow';

export const NODE_TYPE = 'activity';

export interface ActivityNodeData extends Record<string, unknown> {
  activity: Activity;
}

export interface GraphNode {
  id: string;
  type: typeof NODE_TYPE;
  position: Position;
  data: ActivityNodeData;
  selected?: boolean;
}

export interface EdgeData extends Record<string, unknown> {
  /** Properties of the source connection the designer does not understand, restored on save. */
  extra: Record<string, unknown>;
  targetPort: string;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  sourceHandle: string;
  targetHandle: string | null;
  data: EdgeData;
  selected?: boolean;
}

export interface Graph {
  /** The workflow without root.activities/root.connections. */
  shell: WorkflowDefinition;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** True when at least one activity had no stored position (the caller should auto-layout). */
  needsLayout: boolean;
}

export function edgeId(source: string, port: string, target: string, targetPort: string = IN_PORT): string {
  return `${source}:${port}->${target}:${targetPort}`;
}

/** Accepts Elsa 3 connections and the legacy flat shape `{source:"id",target:"id",sourcePort,targetPort}`. */
export function normalizeConnection(raw: unknown): Connection | null {
  if (!isRecord(raw)) return null;
  const { source, target, sourcePort, targetPort, ...rest } = raw;
  if (typeof source === 'string' && typeof target === 'string') {
    return {
      ...rest,
      source: { activity: source, port: typeof sourcePort === 'string' ? sourcePort : DEFAULT_OUTCOME },
      target: { activity: target, port: typeof targetPort === 'string' ? targetPort : IN_PORT },
    };
  }
  if (isRecord(source) && isRecord(target) && typeof source.activity === 'string' && typeof target.activity === 'string') {
    return raw as Connection;
  }
  return null;
}

export function toGraph(workflow: WorkflowDefinition): Graph {
  const root = workflow.root ?? ({ id: 'flowchart1', type: 'Elsa.Flowchart', activities: [], connections: [] } as Flowchart);
  const { activities = [], connections = [], ...rootRest } = root;
  const shell: WorkflowDefinition = { ...workflow, root: { ...rootRest, activities: [], connections: [] } as Flowchart };
  let needsLayout = false;
  const nodes: GraphNode[] = activities.map((activity) => {
    const position = getPosition(activity);
    if (!position) needsLayout = true;
    return { id: activity.id, type: NODE_TYPE, position: position ?? { x: 0, y: 0 }, data: { activity } };
  });
  const edges: GraphEdge[] = [];
  for (const raw of connections as unknown[]) {
    const c = normalizeConnection(raw);
    if (!c) continue;
    const { source, target, ...extra } = c;
    const port = source.port ?? DEFAULT_OUTCOME;
    const targetPort = target.port ?? IN_PORT;
    edges.push({
      id: edgeId(source.activity, port, target.activity, targetPort),
      source: source.activity,
      target: target.activity,
      sourceHandle: port,
      targetHandle: IN_PORT,
      data: { extra: { ...extra, ...(Object.keys(source).length > 2 ? { sourceExtra: omit(source, ['activity', 'port']) } : {}), ...(Object.keys(target).length > 2 ? { targetExtra: omit(target, ['activity', 'port']) } : {}) }, targetPort },
    });
  }
  return { shell, nodes, edges, needsLayout };
}

export function fromGraph(shell: WorkflowDefinition, nodes: readonly GraphNode[], edges: readonly GraphEdge[]): WorkflowDefinition {
  const activities = nodes.map((n) => withPosition(n.data.activity, n.position));
  const ids = new Set(nodes.map((n) => n.id));
  const connections: Connection[] = edges
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .map((e) => {
      const { sourceExtra, targetExtra, ...extra } = e.data.extra;
      return {
        source: { activity: e.source, port: e.sourceHandle, ...(isRecord(sourceExtra) ? sourceExtra : {}) },
        target: { activity: e.target, port: e.data.targetPort ?? IN_PORT, ...(isRecord(targetExtra) ? targetExtra : {}) },
        ...extra,
      };
    });
  return { ...shell, root: { ...shell.root, activities, connections } };
}

function omit(obj: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const copy = { ...obj };
  for (const k of keys) delete copy[k];
  return copy;
}

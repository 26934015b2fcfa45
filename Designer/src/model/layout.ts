import dagre from '@dagrejs/dagre';
import type { GraphEdge, GraphNode } from './graph';

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 84;

/** Left-to-right layered layout (dagre) for workflows imported without designer positions. */
export function autoLayout(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): GraphNode[] {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 80, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  // React Flow adds `measured` sizes once nodes are rendered; before that, use the nominal size.
  const size = (n: GraphNode) => {
    const m = (n as GraphNode & { measured?: { width?: number; height?: number } }).measured;
    return { width: m?.width ?? NODE_WIDTH, height: m?.height ?? NODE_HEIGHT };
  };
  for (const n of nodes) g.setNode(n.id, size(n));
  for (const e of edges) if (g.hasNode(e.source) && g.hasNode(e.target)) g.setEdge(e.source, e.target);
  dagre.layout(g);
  return nodes.map((n) => {
    const p = g.node(n.id);
    const { width, height } = size(n);
    return p ? { ...n, position: { x: Math.round(p.x - width / 2), y: Math.round(p.y - height / 2) } } : n;
  });
}

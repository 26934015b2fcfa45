import { Handle, Position, useUpdateNodeInternals, type Node, type NodeProps } from '@xyflow/react';
import { memo, useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useCatalog } from '../app/services';
import type { ActivityNodeData } from '../model/graph';
import { IN_PORT, outcomePorts } from '../model/ports';
import { activityLabel, shortType } from '../model/workflow';
import { useEditor } from '../store/editorContext';
import { categoryColor } from './categoryColor';

export type ActivityFlowNode = Node<ActivityNodeData, 'activity'>;

function ActivityNodeView({ id, data, selected }: NodeProps<ActivityFlowNode>) {
  const { activity } = data;
  const descriptor = useCatalog((s) => s.byType.get(activity.type));
  const catalogLoaded = useCatalog((s) => s.loaded);
  const outgoing = useEditor(useShallow((s) => s.edges.filter((e) => e.source === id).map((e) => e.sourceHandle)));
  const runState = useEditor((s) => s.runStates?.[id] ?? null);
  const issueCount = useEditor((s) => s.problems.filter((p) => p.activityId === id).length + s.diagnostics.filter((d) => d.activityId === id && d.severity === 'Error').length);
  const ports = outcomePorts(activity, descriptor, outgoing.map((port) => ({ source: { activity: id, port }, target: { activity: '' } })));
  const portsKey = ports.join('|');
  const updateNodeInternals = useUpdateNodeInternals();
  // Handles change when FlowFork branches / FlowSwitch cases are edited: React Flow must re-measure them. Not on mount:
  // React Flow measures new nodes itself, and 200 nodes each asking on mount made opening a large workflow quadratic.
  const measuredPorts = useRef(portsKey);
  useEffect(() => {
    if (measuredPorts.current === portsKey) return;
    measuredPorts.current = portsKey;
    updateNodeInternals(id);
  }, [id, portsKey, updateNodeInternals]);

  const unknown = catalogLoaded && !descriptor;
  const isTrigger = descriptor?.isTrigger ?? false;
  const color = unknown ? '#9aa3af' : categoryColor(descriptor?.category ?? '');
  const classes = ['activity-node', selected ? 'selected' : '', unknown ? 'unknown' : '', runState ? `run-${runState}` : ''].filter(Boolean).join(' ');

  return (
    <div className={classes} data-testid={`node-${id}`} data-run-state={runState ?? undefined} aria-label={`${activityLabel(activity)} (${activity.type})`} style={{ ['--accent' as string]: color }}>
      {!isTrigger && <Handle type="target" position={Position.Left} id={IN_PORT} className="handle-in" data-testid={`port-${id}-${IN_PORT}`} aria-label="In" />}
      <div className="node-head">
        <span className="node-kind">{unknown ? 'unknown type' : (descriptor?.displayName ?? shortType(activity.type))}</span>
        {isTrigger && <span className="node-tag">trigger</span>}
        {issueCount > 0 && <span className="node-issues" title={`${issueCount} problem(s)`}>{issueCount}</span>}
      </div>
      <div className="node-title">{activityLabel(activity)}</div>
      <div className="node-type mono">{activity.type}</div>
      <div className="node-ports">
        {ports.map((port) => (
          <div key={port} className="node-port">
            <span>{port}</span>
            <Handle type="source" position={Position.Right} id={port} className="handle-out" data-testid={`port-${id}-${port}`} aria-label={`Outcome ${port}`} />
          </div>
        ))}
      </div>
    </div>
  );
}

export const ActivityNode = memo(ActivityNodeView);

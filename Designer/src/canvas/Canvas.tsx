import {
  Background, BackgroundVariant, ControlButton, Controls, MiniMap, ReactFlow, useNodesInitialized, useReactFlow, type Connection as FlowConnection,
} from '@xyflow/react';
import { useCallback, useEffect, useRef, type DragEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { catalogStore } from '../app/services';
import { NODE_HEIGHT, NODE_WIDTH } from '../model/layout';
import { useEditor, useEditorStoreApi } from '../store/editorContext';
import { ActivityNode } from './ActivityNode';

export const PALETTE_MIME = 'application/x-rulesengine-activity';
const nodeTypes = { activity: ActivityNode };

export function Canvas() {
  const store = useEditorStoreApi();
  const { nodes, edges, readOnly, onNodesChange, onEdgesChange } = useEditor(useShallow((s) => ({
    nodes: s.nodes, edges: s.edges, readOnly: s.readOnly, onNodesChange: s.onNodesChange, onEdgesChange: s.onEdgesChange,
  })));
  const { screenToFlowPosition, fitView } = useReactFlow();
  const initialized = useNodesInitialized();
  // A workflow that opens empty is never auto-fitted: the first drop would otherwise zoom onto that one node and move it
  // away from where it was dropped.
  const fitted = useRef(store.getState().nodes.length === 0);
  // Zoom to fit once every node has been measured (the fitView prop can run before custom nodes have sizes).
  useEffect(() => {
    if (initialized && !fitted.current) {
      fitted.current = true;
      requestAnimationFrame(() => void fitView({ padding: 0.15, maxZoom: 1.1 }));
    }
  }, [initialized, fitView]);

  const onConnect = useCallback((c: FlowConnection) => {
    if (c.source && c.target) store.getState().connect(c.source, c.sourceHandle ?? 'Done', c.target);
  }, [store]);

  const onDrop = useCallback((e: DragEvent) => {
    const type = e.dataTransfer.getData(PALETTE_MIME);
    if (!type) return;
    e.preventDefault();
    const descriptor = catalogStore.getState().byType.get(type);
    if (!descriptor) return;
    const p = screenToFlowPosition({ x: e.clientX, y: e.clientY });
    store.getState().addActivity(descriptor, { x: p.x - NODE_WIDTH / 2, y: p.y - NODE_HEIGHT / 2 });
  }, [screenToFlowPosition, store]);

  return (
    <div className="canvas" data-testid="canvas" onDragOver={(e) => { if (!readOnly) { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; } }} onDrop={onDrop}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        nodesConnectable={!readOnly}
        nodesDraggable={!readOnly}
        deleteKeyCode={null}
        minZoom={0.2}
        // Large workflows: only the nodes and edges in view are in the DOM, so opening 200 activities stays fast.
        onlyRenderVisibleElements={nodes.length > 100}
        proOptions={{ hideAttribution: true }}
        defaultEdgeOptions={{ type: 'smoothstep' }}
        onPaneClick={() => store.getState().select(null)}
      >
        <Background variant={BackgroundVariant.Dots} gap={18} size={1.2} color="#c9cfd8" />
        <MiniMap pannable zoomable ariaLabel="Minimap" style={{ width: 160, height: 100 }} nodeColor={(n) => (n.selected ? '#2456d6' : '#b8c0cc')} />
        <Controls showInteractive={false} aria-label="Zoom controls">
          {!readOnly && (
            <ControlButton onClick={() => { store.getState().layout(); setTimeout(() => void fitView({ padding: 0.2 }), 50); }} title="Auto-layout" aria-label="Auto-layout" data-testid="auto-layout">
              ⇶
            </ControlButton>
          )}
        </Controls>
      </ReactFlow>
    </div>
  );
}

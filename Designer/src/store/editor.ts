import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from '@xyflow/react';
import { createStore } from 'zustand/vanilla';
import type { Api } from '../api/api';
import { ConflictError, describeError, WorkflowInvalidError } from '../api/errors';
import type { ActivityDescriptor, ScriptDiagnostic, WorkflowProblem, WorkflowVersionModel } from '../api/types';
import { edgeId, fromGraph, NODE_TYPE, toGraph, type GraphEdge, type GraphNode } from '../model/graph';
import { newId, uniqueName } from '../model/ids';
import { autoLayout } from '../model/layout';
import { IN_PORT } from '../model/ports';
import { shortType, type Activity, type Position, type WorkflowDefinition } from '../model/workflow';
import type { ActivityRunState } from './runs';

interface Snapshot { shell: WorkflowDefinition; nodes: GraphNode[]; edges: GraphEdge[] }

export interface FocusRequest { activityId: string; input: string | null; nonce: number }

export interface EditorState {
  tenant: string;
  definitionId: string;
  version: number;
  concurrencyStamp: string;
  isPublished: boolean;
  publishedVersion: number | null;
  savedBy: string;
  savedAt: string;
  readOnly: boolean;

  shell: WorkflowDefinition;
  nodes: GraphNode[];
  edges: GraphEdge[];
  selectedId: string | null;
  past: Snapshot[];
  future: Snapshot[];
  dirty: boolean;
  clipboard: { nodes: GraphNode[]; edges: GraphEdge[] } | null;

  busy: 'saving' | 'publishing' | null;
  message: { kind: 'info' | 'error'; text: string } | null;
  conflict: WorkflowVersionModel | null;
  problems: WorkflowProblem[];
  diagnostics: ScriptDiagnostic[];
  focus: FocusRequest | null;
  runStates: Record<string, ActivityRunState> | null;

  // graph editing
  onNodesChange: (changes: NodeChange<GraphNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<GraphEdge>[]) => void;
  connect: (source: string, port: string, target: string) => void;
  addActivity: (descriptor: ActivityDescriptor, position: Position) => string | null;
  deleteSelection: () => void;
  updateActivity: (id: string, update: (a: Activity) => Activity, coalesceKey?: string) => void;
  updateShell: (update: (w: WorkflowDefinition) => WorkflowDefinition, coalesceKey?: string) => void;
  select: (id: string | null) => void;
  focusInput: (activityId: string, input: string | null) => void;
  undo: () => void;
  redo: () => void;
  copy: () => void;
  paste: (offset?: Position) => void;
  layout: () => void;

  // persistence
  toDefinition: () => WorkflowDefinition;
  save: () => Promise<boolean>;
  publish: () => Promise<boolean>;
  reload: (model: WorkflowVersionModel) => void;
  setDiagnostics: (d: ScriptDiagnostic[]) => void;
  setRunStates: (s: Record<string, ActivityRunState> | null) => void;
  dismissMessage: () => void;
}

export interface EditorStoreOptions {
  api: Api;
  tenant: string;
  model: WorkflowVersionModel;
  readOnly?: boolean;
  /** Called after a successful save/publish (e.g. to refresh the version history). */
  onSaved?: (model: WorkflowVersionModel) => void;
}

const HISTORY_LIMIT = 100;
const COALESCE_MS = 1500;

function stripSelection<T extends { selected?: boolean }>(items: T[]): T[] {
  return items.map((i) => (i.selected ? { ...i, selected: false } : i));
}

function modelState(model: WorkflowVersionModel) {
  const graph = toGraph(model.definition);
  const nodes = graph.needsLayout ? autoLayout(graph.nodes, graph.edges) : graph.nodes;
  return {
    definitionId: model.definition.definitionId ?? '',
    version: model.version,
    concurrencyStamp: model.concurrencyStamp,
    isPublished: model.isPublished,
    publishedVersion: model.publishedVersion,
    savedBy: model.savedBy,
    savedAt: model.savedAt,
    shell: graph.shell,
    nodes,
    edges: graph.edges,
  };
}

/** One store per open workflow (provided through EditorStoreContext); actions live in the store. */
export function createEditorStore(options: EditorStoreOptions) {
  const { api, tenant, model } = options;
  let lastCoalesce: { key: string; at: number } | null = null;
  let dragging = false;

  return createStore<EditorState>()((set, get) => {
    /** Records the current graph for undo before a change. */
    const record = (coalesceKey?: string) => {
      const now = Date.now();
      if (coalesceKey && lastCoalesce && lastCoalesce.key === coalesceKey && now - lastCoalesce.at < COALESCE_MS) {
        lastCoalesce.at = now;
        return;
      }
      lastCoalesce = coalesceKey ? { key: coalesceKey, at: now } : null;
      const { shell, nodes, edges, past } = get();
      set({ past: [...past.slice(-HISTORY_LIMIT + 1), { shell, nodes: stripSelection(nodes), edges: stripSelection(edges) }], future: [] });
    };
    const guard = () => get().readOnly;

    return {
      tenant,
      readOnly: options.readOnly ?? false,
      ...modelState(model),
      selectedId: null,
      past: [],
      future: [],
      dirty: false,
      clipboard: null,
      busy: null,
      message: null,
      conflict: null,
      problems: [],
      diagnostics: [],
      focus: null,
      runStates: null,

      onNodesChange(changes) {
        const readOnly = guard();
        const allowed = changes.filter((c) => c.type === 'select' || c.type === 'dimensions' || (!readOnly && c.type === 'position'));
        if (allowed.length === 0) return;
        const moving = allowed.some((c) => c.type === 'position' && c.dragging);
        if (moving && !dragging) {
          dragging = true;
          record();
        }
        const moved = allowed.some((c) => c.type === 'position');
        if (moved && !moving) dragging = false;
        const nodes = applyNodeChanges(allowed, get().nodes);
        const selected = nodes.filter((n) => n.selected);
        const patch: Partial<EditorState> = { nodes };
        if (allowed.some((c) => c.type === 'select')) patch.selectedId = selected.length === 1 ? (selected[0]?.id ?? null) : selected.length === 0 ? null : get().selectedId;
        if (moved) patch.dirty = true;
        set(patch);
      },
      onEdgesChange(changes) {
        const allowed = changes.filter((c) => c.type === 'select');
        if (allowed.length > 0) set({ edges: applyEdgeChanges(allowed, get().edges) });
      },
      connect(source, port, target) {
        if (guard() || source === target) return;
        const id = edgeId(source, port, target);
        if (get().edges.some((e) => e.id === id)) return;
        record();
        const edge: GraphEdge = { id, source, target, sourceHandle: port, targetHandle: IN_PORT, data: { extra: {}, targetPort: IN_PORT } };
        set({ edges: [...get().edges, edge], dirty: true });
      },
      addActivity(descriptor, position) {
        if (guard()) return null;
        record();
        const id = newId();
        const base = shortType(descriptor.typeName);
        const activity: Activity = {
          id,
          type: descriptor.typeName,
          version: 1,
          name: uniqueName(base, get().nodes.map((n) => n.data.activity.name)),
          customProperties: { canStartWorkflow: descriptor.isTrigger },
          metadata: { designer: { position } },
        };
        if (descriptor.workflowDefinitionId) {
          // Elsa's shape for a workflow used as an activity: the node names the workflow and pins its version.
          activity.workflowDefinitionId = descriptor.workflowDefinitionId;
          if (descriptor.workflowVersion) activity.version = descriptor.workflowVersion;
        }
        for (const input of descriptor.inputs) {
          if (input.defaultValue !== undefined && input.defaultValue !== null) {
            activity[input.name] = { typeName: input.typeName, expression: { type: input.defaultSyntax ?? 'Literal', value: input.defaultValue } };
          }
        }
        const node: GraphNode = { id, type: NODE_TYPE, position, data: { activity }, selected: true };
        set({ nodes: [...stripSelection(get().nodes), node], selectedId: id, dirty: true });
        return id;
      },
      deleteSelection() {
        if (guard()) return;
        const { nodes, edges } = get();
        const doomed = new Set(nodes.filter((n) => n.selected).map((n) => n.id));
        const edgeDoomed = edges.filter((e) => e.selected || doomed.has(e.source) || doomed.has(e.target));
        if (doomed.size === 0 && edgeDoomed.length === 0) return;
        record();
        const gone = new Set(edgeDoomed.map((e) => e.id));
        set({
          nodes: nodes.filter((n) => !doomed.has(n.id)),
          edges: edges.filter((e) => !gone.has(e.id)),
          selectedId: null,
          dirty: true,
        });
      },
      updateActivity(id, update, coalesceKey) {
        if (guard()) return;
        record(coalesceKey ? `${id}:${coalesceKey}` : undefined);
        set({
          nodes: get().nodes.map((n) => (n.id === id ? { ...n, data: { ...n.data, activity: update(n.data.activity) } } : n)),
          dirty: true,
        });
      },
      updateShell(update, coalesceKey) {
        if (guard()) return;
        record(coalesceKey ? `shell:${coalesceKey}` : undefined);
        set({ shell: update(get().shell), dirty: true });
      },
      select(id) {
        set({ selectedId: id, nodes: get().nodes.map((n) => ({ ...n, selected: n.id === id })) });
      },
      focusInput(activityId, input) {
        get().select(activityId);
        set({ focus: { activityId, input, nonce: Date.now() } });
      },
      undo() {
        const { past, future, shell, nodes, edges } = get();
        const previous = past[past.length - 1];
        if (!previous || guard()) return;
        lastCoalesce = null;
        set({ ...previous, past: past.slice(0, -1), future: [...future, { shell, nodes: stripSelection(nodes), edges: stripSelection(edges) }], selectedId: null, dirty: true });
      },
      redo() {
        const { past, future, shell, nodes, edges } = get();
        const next = future[future.length - 1];
        if (!next || guard()) return;
        lastCoalesce = null;
        set({ ...next, future: future.slice(0, -1), past: [...past, { shell, nodes: stripSelection(nodes), edges: stripSelection(edges) }], selectedId: null, dirty: true });
      },
      copy() {
        const { nodes, edges } = get();
        const picked = nodes.filter((n) => n.selected);
        if (picked.length === 0) return;
        const ids = new Set(picked.map((n) => n.id));
        set({ clipboard: { nodes: structuredClone(picked), edges: structuredClone(edges.filter((e) => ids.has(e.source) && ids.has(e.target))) } });
      },
      paste(offset = { x: 40, y: 40 }) {
        const clip = get().clipboard;
        if (!clip || guard()) return;
        record();
        const idMap = new Map(clip.nodes.map((n) => [n.id, newId()]));
        const taken = get().nodes.map((n) => n.data.activity.name);
        const fresh: GraphNode[] = clip.nodes.map((n) => {
          const id = idMap.get(n.id) ?? newId();
          const name = uniqueName(n.data.activity.name ?? shortType(n.data.activity.type), taken);
          taken.push(name);
          const position = { x: n.position.x + offset.x, y: n.position.y + offset.y };
          return { ...n, id, position, selected: true, data: { activity: { ...structuredClone(n.data.activity), id, name } } };
        });
        const freshEdges: GraphEdge[] = clip.edges.map((e) => {
          const source = idMap.get(e.source) ?? e.source;
          const target = idMap.get(e.target) ?? e.target;
          return { ...e, id: edgeId(source, e.sourceHandle, target, e.data.targetPort), source, target, selected: false };
        });
        // Pasting again offsets further, so repeated pastes do not stack exactly.
        set({
          nodes: [...stripSelection(get().nodes), ...fresh],
          edges: [...get().edges, ...freshEdges],
          clipboard: { nodes: clip.nodes.map((n) => ({ ...n, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } })), edges: clip.edges },
          selectedId: fresh.length === 1 ? (fresh[0]?.id ?? null) : null,
          dirty: true,
        });
      },
      layout() {
        if (guard()) return;
        record();
        set({ nodes: autoLayout(get().nodes, get().edges), dirty: true });
      },

      toDefinition() {
        const { shell, nodes, edges } = get();
        return fromGraph(shell, nodes, edges);
      },
      async save() {
        if (guard() || get().busy) return false;
        set({ busy: 'saving', message: null });
        try {
          const saved = await api.workflows.save(tenant, get().definitionId, get().toDefinition(), get().concurrencyStamp);
          set({
            busy: null, dirty: false, conflict: null,
            version: saved.version, concurrencyStamp: saved.concurrencyStamp, isPublished: saved.isPublished,
            publishedVersion: saved.publishedVersion, savedBy: saved.savedBy, savedAt: saved.savedAt,
            message: { kind: 'info', text: `Saved version ${saved.version}.` },
          });
          options.onSaved?.(saved);
          return true;
        } catch (e) {
          if (e instanceof ConflictError) {
            const who = e.current ? `saved by ${e.current.savedBy} at ${new Date(e.current.savedAt).toLocaleString()}` : 'saved by someone else';
            set({ busy: null, conflict: e.current, message: { kind: 'error', text: `This workflow was ${who}.` } });
          } else {
            set({ busy: null, message: { kind: 'error', text: describeError(e) } });
          }
          return false;
        }
      },
      async publish() {
        if (guard()) return false;
        if (get().dirty && !(await get().save())) return false;
        set({ busy: 'publishing', message: null, problems: [] });
        try {
          const published = await api.workflows.publish(tenant, get().definitionId);
          set({
            busy: null, version: published.version, concurrencyStamp: published.concurrencyStamp, isPublished: true,
            publishedVersion: published.publishedVersion ?? published.version, savedBy: published.savedBy, savedAt: published.savedAt,
            message: { kind: 'info', text: `Published version ${published.version}.` },
          });
          options.onSaved?.(published);
          return true;
        } catch (e) {
          if (e instanceof WorkflowInvalidError) {
            set({ busy: null, problems: e.errors, message: { kind: 'error', text: `Cannot publish: ${e.errors.length} problem(s).` } });
          } else {
            set({ busy: null, message: { kind: 'error', text: describeError(e) } });
          }
          return false;
        }
      },
      reload(next) {
        lastCoalesce = null;
        set({ ...modelState(next), past: [], future: [], dirty: false, conflict: null, problems: [], selectedId: null, message: { kind: 'info', text: `Loaded version ${next.version}.` } });
      },
      setDiagnostics(diagnostics) {
        set({ diagnostics });
      },
      setRunStates(runStates) {
        set({ runStates });
      },
      dismissMessage() {
        set({ message: null });
      },
    };
  });
}

export type EditorStore = ReturnType<typeof createEditorStore>;

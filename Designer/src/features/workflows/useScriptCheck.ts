import { useEffect } from 'react';
import { api } from '../../app/services';
import type { WorkflowDefinition } from '../../model/workflow';
import { useEditorStoreApi } from '../../store/editorContext';

const DEBOUNCE_MS = 400;

function hasCSharp(definition: WorkflowDefinition): boolean {
  return (definition.root?.activities ?? []).some((a) => Object.values(a).some((v) =>
    typeof v === 'object' && v !== null && 'expression' in v && (v as { expression?: { type?: string } }).expression?.type === 'CSharp'));
}

/** Sends the workflow to POST /api/scripts/check ~400 ms after the last edit; stale requests are aborted. */
export function useScriptCheck(): void {
  const store = useEditorStoreApi();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | null = null;
    const run = () => {
      const state = store.getState();
      if (state.readOnly) return;
      const definition = state.toDefinition();
      if (!hasCSharp(definition)) {
        if (state.diagnostics.length) state.setDiagnostics([]);
        return;
      }
      controller?.abort();
      controller = new AbortController();
      api.scripts.check(definition, controller.signal)
        .then((r) => store.getState().setDiagnostics(r.diagnostics))
        .catch(() => { /* checking is best effort; publish reports the authoritative errors */ });
    };
    const unsubscribe = store.subscribe((next, prev) => {
      if (next.nodes === prev.nodes && next.shell === prev.shell) return;
      clearTimeout(timer);
      timer = setTimeout(run, DEBOUNCE_MS);
    });
    run();
    return () => {
      unsubscribe();
      clearTimeout(timer);
      controller?.abort();
    };
  }, [store]);
}

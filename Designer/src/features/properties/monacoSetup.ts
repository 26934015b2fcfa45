import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import type { ScriptDiagnostic } from '../../api/types';
import { completionsFor } from '../../model/scriptGlobals';
import { getCompletionWorkflow } from './completionSource';

// Monaco is bundled: no CDN, nothing loaded from the internet at run time.
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};
loader.config({ monaco });


const kindMap = {
  global: monaco.languages.CompletionItemKind.Module,
  variable: monaco.languages.CompletionItemKind.Variable,
  input: monaco.languages.CompletionItemKind.Field,
  member: monaco.languages.CompletionItemKind.Method,
} as const;

monaco.languages.registerCompletionItemProvider('csharp', {
  triggerCharacters: ['.'],
  provideCompletionItems(model, position) {
    const workflow = getCompletionWorkflow();
    if (!workflow) return { suggestions: [] };
    const before = model.getValueInRange({ startLineNumber: position.lineNumber, startColumn: 1, endLineNumber: position.lineNumber, endColumn: position.column });
    const word = model.getWordUntilPosition(position);
    const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn };
    return {
      suggestions: completionsFor(before, workflow).map((c) => ({
        label: c.label, kind: kindMap[c.kind], detail: c.detail, insertText: c.insertText, range,
      })),
    };
  },
});

/** One Monaco model per activity input, so markers can be addressed by activity and input. */
export function scriptModelUri(activityId: string, inputName: string): monaco.Uri {
  return monaco.Uri.parse(`inmemory://workflow/${encodeURIComponent(activityId)}/${encodeURIComponent(inputName)}.csx`);
}

/** Puts script-check diagnostics on the Monaco models of the matching activity inputs (and clears the rest). */
export function applyDiagnostics(diagnostics: readonly ScriptDiagnostic[]): void {
  for (const model of monaco.editor.getModels()) {
    const match = /^\/([^/]+)\/([^/]+)\.csx$/.exec(model.uri.path);
    if (model.uri.scheme !== 'inmemory' || !match?.[1] || !match[2]) continue;
    const activityId = decodeURIComponent(match[1]);
    const inputName = decodeURIComponent(match[2]);
    const markers = diagnostics
      .filter((d) => d.activityId === activityId && d.inputName.toLowerCase() === inputName.toLowerCase())
      .map((d) => {
        const line = Math.max(1, Math.min(d.line || 1, model.getLineCount()));
        const col = Math.max(1, d.column || 1);
        const word = model.getWordAtPosition({ lineNumber: line, column: col });
        return {
          severity: d.severity === 'Error' ? monaco.MarkerSeverity.Error : d.severity === 'Warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Info,
          message: d.message, code: d.code,
          startLineNumber: line, startColumn: word ? word.startColumn : col,
          endLineNumber: line, endColumn: word ? word.endColumn : model.getLineMaxColumn(line),
        };
      });
    monaco.editor.setModelMarkers(model, 'scripts', markers);
  }
}

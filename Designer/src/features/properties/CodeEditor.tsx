import Editor from '@monaco-editor/react';
import { useEffect } from 'react';
import { useEditor } from '../../store/editorContext';
import { applyDiagnostics, scriptModelUri } from './monacoSetup';

export interface CodeEditorProps {
  activityId: string;
  inputName: string;
  value: string;
  language: 'csharp' | 'json';
  onChange: (value: string) => void;
  readOnly?: boolean;
  height?: number;
  label: string;
}

/** Monaco for C# expressions and JSON values; C# models are named per activity+input for markers. */
export default function CodeEditor({ activityId, inputName, value, language, onChange, readOnly, height, label }: CodeEditorProps) {
  const diagnostics = useEditor((s) => s.diagnostics);
  const path = language === 'csharp' ? scriptModelUri(activityId, inputName).toString() : `inmemory://json/${activityId}/${inputName}.json`;
  useEffect(() => applyDiagnostics(diagnostics), [diagnostics, path]);
  const lines = Math.min(12, Math.max(3, value.split('\n').length + 1));
  return (
    <div className="code-editor" data-testid={`input-${inputName}`} aria-label={label}>
      <Editor
        height={height ?? lines * 19 + 10}
        language={language}
        path={path}
        value={value}
        onChange={(v) => onChange(v ?? '')}
        onMount={() => applyDiagnostics(diagnostics)}
        options={{
          readOnly, minimap: { enabled: false }, lineNumbers: 'on', lineNumbersMinChars: 2, folding: false, fontSize: 12.5,
          scrollBeyondLastLine: false, wordWrap: 'on', renderLineHighlight: 'none', overviewRulerLanes: 0, automaticLayout: true,
          glyphMargin: false, padding: { top: 4, bottom: 4 }, ariaLabel: label, tabSize: 4, fixedOverflowWidgets: true,
        }}
      />
    </div>
  );
}

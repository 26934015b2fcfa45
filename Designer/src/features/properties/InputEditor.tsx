import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import type { InputDescriptor } from '../../api/types';
import { CasesEditor } from './CasesEditor';
import type { Expression, InputValue } from '../../model/workflow';
// Monaco is large: load it on the first C# input, not with the app.
const CodeEditor = lazy(() => import('./CodeEditor'));

export interface InputEditorProps {
  activityId: string;
  descriptor: InputDescriptor;
  value: InputValue | undefined;
  variables: string[];
  readOnly: boolean;
  focusNonce: number | null;
  onChange: (value: InputValue | undefined) => void;
  problems: string[];
}

const STRUCTURED = new Set(['json', 'list', 'outcomes']);

function literalText(expression: Expression | undefined, uiHint: string): string {
  if (!expression || expression.value === undefined || expression.value === null) return '';
  const v = expression.value;
  if (typeof v === 'string') return v;
  if (uiHint === 'list' || (uiHint === 'outcomes' && Array.isArray(v) && v.every((x) => typeof x === 'string'))) {
    return Array.isArray(v) ? v.join('\n') : String(v);
  }
  return JSON.stringify(v, null, 2);
}

/** One input of the selected activity: an editor chosen by uiHint plus a Literal ⇄ C# switch. */
export function InputEditor({ activityId, descriptor, value, variables, readOnly, focusNonce, onChange, problems }: InputEditorProps) {
  const id = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const hint = descriptor.uiHint;
  const expression = value?.expression;
  const syntax = expression?.type === 'CSharp' ? 'CSharp' : expression ? 'Literal' : (descriptor.defaultSyntax === 'CSharp' || hint === 'code' ? 'CSharp' : 'Literal');
  const isCode = syntax === 'CSharp';

  useEffect(() => {
    if (focusNonce === null || !wrapper.current) return;
    wrapper.current.scrollIntoView({ block: 'center', behavior: 'smooth' });
    const el = wrapper.current.querySelector<HTMLElement>('input, textarea, select, .monaco-editor textarea');
    el?.focus();
  }, [focusNonce]);

  const commit = (type: string, v: unknown) => {
    onChange({ ...(value ?? {}), typeName: value?.typeName ?? descriptor.typeName, expression: { ...(expression ?? {}), type, value: v } });
  };
  const setLiteral = (v: unknown) => commit(STRUCTURED.has(hint) && typeof v !== 'string' ? 'Object' : 'Literal', v);
  const switchSyntax = (next: 'Literal' | 'CSharp') => {
    if (next === syntax) return;
    const text = literalText(expression, hint);
    if (next === 'CSharp') commit('CSharp', text === '' ? '' : typeof expression?.value === 'string' && hint !== 'code' ? JSON.stringify(text) : text);
    else commit('Literal', '');
  };

  return (
    <div className={`prop-field ${problems.length ? 'has-problem' : ''}`} ref={wrapper}>
      <div className="prop-label-row">
        <label htmlFor={id} className="prop-label">
          {descriptor.displayName}{descriptor.required && <span className="req" aria-label="required">*</span>}
        </label>
        <div className="syntax-switch" role="group" aria-label={`${descriptor.displayName} syntax`}>
          <button type="button" aria-pressed={!isCode} disabled={readOnly} onClick={() => switchSyntax('Literal')} data-testid={`syntax-${descriptor.name}-literal`}>Literal</button>
          <button type="button" aria-pressed={isCode} disabled={readOnly} onClick={() => switchSyntax('CSharp')} data-testid={`syntax-${descriptor.name}-csharp`}>C#</button>
        </div>
      </div>
      {isCode ? (
        <Suspense fallback={<div className="code-editor loading">Loading editor…</div>}>
        <CodeEditor activityId={activityId} inputName={descriptor.name} language="csharp" label={`${descriptor.displayName} (C#)`} value={typeof expression?.value === 'string' ? expression.value : ''} readOnly={readOnly} onChange={(v) => commit('CSharp', v)} />
        </Suspense>
      ) : (
        <LiteralField id={id} descriptor={descriptor} expression={expression} variables={variables} readOnly={readOnly} setLiteral={setLiteral} activityId={activityId} />
      )}
      {descriptor.description && <div className="prop-help">{descriptor.description}</div>}
      {problems.map((p, i) => <div key={i} className="prop-problem" role="alert">{p}</div>)}
    </div>
  );
}

function LiteralField({ id, descriptor, expression, variables, readOnly, setLiteral, activityId }: {
  id: string; descriptor: InputDescriptor; expression: Expression | undefined; variables: string[]; readOnly: boolean;
  setLiteral: (v: unknown) => void; activityId: string;
}) {
  const hint = descriptor.uiHint;
  const testId = `input-${descriptor.name}`;
  const raw = expression?.value;
  const text = literalText(expression, hint);
  switch (hint) {
    case 'checkbox':
      return <input id={id} type="checkbox" className="checkbox" checked={raw === true || raw === 'true'} disabled={readOnly} onChange={(e) => setLiteral(e.target.checked)} data-testid={testId} />;
    case 'number':
      return <input id={id} type="number" value={text} disabled={readOnly} onChange={(e) => setLiteral(e.target.value === '' ? null : Number(e.target.value))} data-testid={testId} />;
    case 'dropdown':
      return (
        <select id={id} value={text} disabled={readOnly} onChange={(e) => setLiteral(e.target.value)} data-testid={testId}>
          <option value="">—</option>
          {(descriptor.options ?? []).map((o) => <option key={o} value={o}>{o}</option>)}
          {text && !(descriptor.options ?? []).includes(text) && <option value={text}>{text}</option>}
        </select>
      );
    case 'variable':
      return (
        <select id={id} value={text} disabled={readOnly} onChange={(e) => setLiteral(e.target.value)} data-testid={testId}>
          <option value="">— choose a variable —</option>
          {variables.map((v) => <option key={v} value={v}>{v}</option>)}
        </select>
      );
    case 'multiline':
      return <textarea id={id} rows={4} value={text} disabled={readOnly} onChange={(e) => setLiteral(e.target.value)} data-testid={testId} />;
    case 'list':
    case 'outcomes':
      if (hint === 'outcomes' && (descriptor.name.toLowerCase() === 'cases' || (Array.isArray(raw) && raw.some((x) => typeof x === 'object' && x !== null)))) {
        return <CasesEditor testId={testId} value={raw} readOnly={readOnly} onChange={(cases) => setLiteral(cases)} />;
      }
      if (Array.isArray(raw) && raw.some((x) => typeof x !== 'string')) {
        return <JsonField id={id} testId={testId} value={raw} readOnly={readOnly} onValid={setLiteral} activityId={activityId} inputName={descriptor.name} />;
      }
      return (
        <textarea
          id={id} rows={3} value={text} disabled={readOnly} placeholder="One per line" data-testid={testId}
          onChange={(e) => setLiteral(e.target.value.split('\n'))}
          onBlur={(e) => setLiteral(e.target.value.split('\n').map((s) => s.trim()).filter(Boolean))}
        />
      );
    case 'json':
      return <JsonField id={id} testId={testId} value={raw} readOnly={readOnly} onValid={setLiteral} activityId={activityId} inputName={descriptor.name} />;
    case 'code':
      return <textarea id={id} className="mono" rows={4} value={text} disabled={readOnly} onChange={(e) => setLiteral(e.target.value)} data-testid={testId} />;
    default:
      return (
        <input
          id={id} type={descriptor.isSecret ? 'password' : 'text'} value={text} disabled={readOnly} data-testid={testId}
          placeholder={hint === 'cron' ? '0 0/15 * * * ?' : hint === 'timespan' ? '00:05:00' : undefined}
          className={hint === 'cron' || hint === 'timespan' ? 'mono' : undefined}
          onChange={(e) => setLiteral(e.target.value)}
        />
      );
  }
}

/** JSON literal: edited as text, committed as an Object value only when it parses. */
function JsonField({ id, testId, value, readOnly, onValid }: { id: string; testId: string; value: unknown; readOnly: boolean; onValid: (v: unknown) => void; activityId: string; inputName: string }) {
  const [text, setText] = useState(() => (value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value, null, 2)));
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <textarea
        id={id} className="mono" rows={6} value={text} disabled={readOnly} spellCheck={false} data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim() === '') {
            setError(null);
            onValid(null);
            return;
          }
          try {
            onValid(JSON.parse(e.target.value));
            setError(null);
          } catch (err) {
            setError(err instanceof Error ? err.message : 'Invalid JSON');
          }
        }}
      />
      {error && <div className="prop-problem">{error}</div>}
    </>
  );
}

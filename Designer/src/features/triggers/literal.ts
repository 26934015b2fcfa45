import { getInput, type Activity } from '../../model/workflow';

/** The literal value of an input as a string ('' when unset or when it is an expression). */
export function literalString(activity: Activity, name: string): string {
  const e = getInput(activity, name)?.expression;
  if (!e || e.type === 'CSharp') return '';
  return e.value === undefined || e.value === null ? '' : String(e.value);
}

export function withLiteral(activity: Activity, name: string, typeName: string, value: unknown): Activity {
  const current = getInput(activity, name);
  return { ...activity, [name]: { ...(current ?? {}), typeName: current?.typeName ?? typeName, expression: { type: 'Literal', value } } };
}

import { describe, expect, it } from 'vitest';
import { outcomePorts } from '../../model/ports';
import { descriptor } from '../../test/builders';
import { readCases } from './CasesEditor';

describe('readCases', () => {
  it('reads Elsa FlowSwitch cases and plain labels, keeping extra case properties', () => {
    expect(readCases([{ label: 'Hired', condition: { type: 'CSharp', value: 'x == 1' }, mode: 'x' }, 'Other'])).toEqual([
      { label: 'Hired', condition: { type: 'CSharp', value: 'x == 1' }, mode: 'x' },
      { label: 'Other', condition: { type: 'CSharp', value: '' } },
    ]);
    expect(readCases(null)).toEqual([]);
  });

  it('cases written by the editor become ports on the switch node', () => {
    const sw = descriptor('Elsa.FlowSwitch', { outcomes: ['Default'], dynamicOutcomesInput: 'cases' });
    const cases = readCases(['A', 'B']);
    expect(outcomePorts({ id: 's', type: 'Elsa.FlowSwitch', cases: { typeName: 'Object', expression: { type: 'Object', value: cases } } }, sw)).toEqual(['Default', 'A', 'B']);
  });
});

import { describe, expect, it } from 'vitest';
import { FlowDefinition, findFlowGraphProblems } from './flow';

const step = (id: string, prerequisites: string[] = []) => ({ id, title: id, prerequisites });

describe('FlowDefinition', () => {
  it('accepts a flow and fills defaults', () => {
    const flow = FlowDefinition.parse({
      id: 'welcome',
      name: 'Welcome',
      steps: [step('a'), step('b', ['a'])],
    });
    expect(flow.steps[1]).toMatchObject({
      prerequisites: ['a'],
      goal: { kind: 'manual' },
      estimatedDurationSec: 60,
      optional: false,
      variants: [],
    });
  });

  it.each([
    ['no steps', { id: 'f', name: 'F', steps: [] }],
    ['an upper-case id', { id: 'Flow', name: 'F', steps: [step('a')] }],
    ['an unknown prerequisite', { id: 'f', name: 'F', steps: [step('a', ['zzz'])] }],
    ['a cycle', { id: 'f', name: 'F', steps: [step('a', ['b']), step('b', ['a'])] }],
    ['a duplicate step', { id: 'f', name: 'F', steps: [step('a'), step('a')] }],
    ['a goal of unknown kind', { id: 'f', name: 'F', steps: [{ ...step('a'), goal: { kind: 'teleport' } }] }],
  ])('refuses %s', (_name, input) => {
    expect(FlowDefinition.safeParse(input).success).toBe(false);
  });
});

describe('findFlowGraphProblems', () => {
  it.each([
    { steps: [step('a'), step('b', ['a']), step('c', ['a', 'b'])], problems: [] },
    { steps: [step('a', ['a'])], problems: ['step "a" requires itself'] },
    { steps: [step('a', ['x'])], problems: ['step "a" requires unknown step "x"'] },
    {
      steps: [step('a'), step('b', ['c']), step('c', ['b'])],
      problems: ['prerequisites form a cycle through "b", "c"'],
    },
  ])('$problems', ({ steps, problems }) => {
    expect(findFlowGraphProblems(steps)).toEqual(problems);
  });
});

import { describe, expect, it } from 'vitest';
import { fieldId, freshStepId, getIn, issuesAt, move, parseList, setIn } from './draft-model';

describe('setIn and getIn', () => {
  const flow = { id: 'f', steps: [{ id: 'a', title: 'A', target: { selector: '#x' } }] };

  it('sets a nested field without touching the original', () => {
    const next = setIn(flow, ['steps', 0, 'title'], 'B');
    expect(getIn(next, ['steps', 0, 'title'])).toBe('B');
    expect(flow.steps[0]!.title).toBe('A');
    expect(getIn(next, ['steps', 0, 'target', 'selector'])).toBe('#x');
  });

  it('removes a key set to undefined (an optional field left empty is absent)', () => {
    const next = setIn(flow, ['steps', 0, 'target'], undefined);
    expect(Object.keys(getIn(next, ['steps', 0]) as object)).toEqual(['id', 'title']);
  });

  it('creates what is missing on the way', () => {
    expect(setIn({}, ['steps', 1, 'goal', 'kind'], 'manual')).toEqual({
      steps: [undefined, { goal: { kind: 'manual' } }],
    });
  });

  it('reads through missing parts as undefined', () => {
    expect(getIn(flow, ['steps', 3, 'title'])).toBeUndefined();
    expect(getIn(null, ['x'])).toBeUndefined();
  });
});

describe('issuesAt', () => {
  const issues = [
    { path: 'steps.1.prerequisites', message: 'unknown step' },
    { path: 'steps.1.prerequisites.0', message: 'bad slug' },
    { path: 'steps.10.title', message: 'too short' },
    { path: 'steps.1.title', message: 'too short' },
  ];
  it('gives a field its own issues and those inside it, never a sibling with a longer index', () => {
    expect(issuesAt(issues, ['steps', 1, 'prerequisites']).map((i) => i.message)).toEqual([
      'unknown step',
      'bad slug',
    ]);
    expect(issuesAt(issues, ['steps', 1, 'title'])).toHaveLength(1);
    expect(issuesAt(issues, ['steps', 10, 'title'])).toHaveLength(1);
    expect(issuesAt(issues, ['name'])).toEqual([]);
  });
});

describe('small helpers', () => {
  it('field ids are safe for an id attribute', () => {
    expect(fieldId(['steps', 0, 'goal', 'event'])).toBe('f-steps-0-goal-event');
    expect(fieldId([])).toBe('f-root');
  });
  it('parses typed lists', () => {
    expect(parseList(' a, b ,,\nc ')).toEqual(['a', 'b', 'c']);
    expect(parseList('')).toEqual([]);
  });
  it('moves within bounds only', () => {
    expect(move([1, 2, 3], 0, 1)).toEqual([2, 1, 3]);
    expect(move([1, 2, 3], 0, -1)).toEqual([1, 2, 3]);
    expect(move([1, 2, 3], 2, 1)).toEqual([1, 2, 3]);
  });
  it('finds a step id not in use', () => {
    expect(freshStepId([{ id: 'step-2' }, { id: 'x' }])).toBe('step-3');
    expect(freshStepId([{ id: 'step-1' }])).toBe('step-2');
    expect(freshStepId(undefined)).toBe('step-1');
  });
});

import { FlowDefinition } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import { diffFlows } from './flow-diff';

const flow = (steps: Array<Record<string, unknown>>, name = 'Welcome') =>
  FlowDefinition.parse({ id: 'welcome', name, steps });

describe('diffFlows', () => {
  it('finds nothing between equal flows', () => {
    const a = flow([{ id: 'a', title: 'A' }]);
    expect(diffFlows(a, a)).toEqual([]);
  });

  it('names added, removed, moved and changed steps and fields', () => {
    const before = flow([
      { id: 'a', title: 'A' },
      { id: 'b', title: 'B', target: { selector: '#b' } },
      { id: 'gone', title: 'Gone' },
    ]);
    const after = flow(
      [
        { id: 'b', title: 'B, reworded' },
        { id: 'a', title: 'A' },
        { id: 'new', title: 'New', prerequisites: ['a'] },
      ],
      'Hello',
    );
    expect(diffFlows(before, after)).toEqual([
      { path: 'name', kind: 'changed', before: 'Welcome', after: 'Hello' },
      { path: 'steps.gone', kind: 'removed', before: before.steps[2] },
      { path: 'steps.b', kind: 'moved', before: 1, after: 0 },
      { path: 'steps.b.target', kind: 'removed', before: { selector: '#b' } },
      { path: 'steps.b.title', kind: 'changed', before: 'B', after: 'B, reworded' },
      { path: 'steps.a', kind: 'moved', before: 0, after: 1 },
      { path: 'steps.new', kind: 'added', after: after.steps[2] },
    ]);
  });
});

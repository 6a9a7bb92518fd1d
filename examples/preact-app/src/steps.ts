import type { ChecklistItem, TourStep } from '@smart-onboarding/widgets';

/**
 * The planner's onboarding: each step is done by the real action (a click on its target), which also
 * advances the tour. `goal` is the name the app tracks when the action succeeds.
 */
export const STEPS = [
  {
    id: 'add-recipe',
    title: 'Save your first recipe',
    body: 'Start from one of ours; you can change it later.',
    target: { selector: '#add-recipe' },
    goal: { kind: 'click' },
    track: 'recipe_added',
  },
  {
    id: 'plan-meal',
    title: 'Plan tonight’s dinner',
    body: 'Put a recipe on this week’s plan.',
    target: { selector: '.recipe [data-plan]' },
    goal: { kind: 'click' },
    track: 'meal_planned',
  },
  {
    id: 'shopping-list',
    title: 'Make your shopping list',
    body: 'Everything your planned meals need, in one list.',
    target: { selector: '#make-list' },
    goal: { kind: 'click' },
    track: 'shopping_list_made',
  },
] as const satisfies ReadonlyArray<TourStep & { track: string }>;

export type StepId = (typeof STEPS)[number]['id'];

/** About how long each step takes: the SDK flags hesitation past twice this. */
export const STEP_ESTIMATE_MS = 30_000;

/** Checklist items for the steps, marked done from the set of completed ids. */
export function checklistItems(done: ReadonlySet<StepId>): ChecklistItem[] {
  return STEPS.map(({ id, title, body }) => ({ id, title, description: body, done: done.has(id) }));
}

/** The sample recipes a new planner starts from. */
export interface Recipe {
  id: string;
  name: string;
  minutes: number;
  ingredients: readonly string[];
}

export const SAMPLE_RECIPES: readonly Recipe[] = [
  {
    id: 'shakshuka',
    name: 'Shakshuka',
    minutes: 30,
    ingredients: ['eggs', 'tomatoes', 'peppers', 'onion', 'cumin'],
  },
  {
    id: 'lentil-soup',
    name: 'Red lentil soup',
    minutes: 40,
    ingredients: ['red lentils', 'onion', 'carrots', 'cumin', 'lemon'],
  },
  {
    id: 'pad-thai',
    name: 'Pad thai',
    minutes: 25,
    ingredients: ['rice noodles', 'eggs', 'peanuts', 'lime', 'bean sprouts'],
  },
];

/** Every ingredient of the planned recipes, once each, in order of first appearance. */
export function shoppingList(planned: readonly Recipe[]): string[] {
  return [...new Set(planned.flatMap((r) => r.ingredients))];
}

import { loadState, saveState } from '@smart-onboarding/example-shared';
import { type SdkEvents, SmartOnboarding } from '@smart-onboarding/sdk';
import { Checklist, Nudge, Progress, Tour } from '@smart-onboarding/widgets';
import { useEffect, useState } from 'preact/hooks';
import { type Recipe, SAMPLE_RECIPES, shoppingList } from './recipes';
import { checklistItems, STEP_ESTIMATE_MS, STEPS, type StepId } from './steps';
import { NARROW_SCREEN, useMediaQuery } from './use-media-query';

type InterventionPlan = SdkEvents['intervention'];

/** What the planner keeps across reloads (recipes by id). */
interface SavedPlanner {
  recipes: string[];
  planned: string[];
  list: string[] | null;
  done: StepId[];
}
const SAVED_KEY = 'pantry:planner:v1';
const EMPTY: SavedPlanner = { recipes: [], planned: [], list: null, done: [] };

const byId = (ids: readonly string[]): Recipe[] =>
  ids.flatMap((id) => SAMPLE_RECIPES.filter((r) => r.id === id));

/** A recipe planner whose first run is guided by a tour, a checklist and nudges from the edge. */
export function App() {
  const [saved, setSaved] = useState(() => loadState(SAVED_KEY, EMPTY));
  const recipes = byId(saved.recipes);
  const planned = byId(saved.planned);
  const done: ReadonlySet<StepId> = new Set(saved.done);
  const [listHint, setListHint] = useState('');
  // The tour runs until every step is done (resuming at the first open one after a reload), and again
  // from any unfinished checklist item.
  const [tour, setTour] = useState<{ startAt: StepId; run: number } | null>(() => {
    const open = STEPS.find((s) => !saved.done.includes(s.id));
    return open ? { startAt: open.id, run: 0 } : null;
  });
  const [checklistOpen, setChecklistOpen] = useState(true);
  const narrow = useMediaQuery(NARROW_SCREEN);
  const [plan, setPlan] = useState<InterventionPlan | null>(null);

  useEffect(() => SmartOnboarding.on('intervention', setPlan), []);
  useEffect(() => saveState(SAVED_KEY, saved), [saved]);

  const complete = (id: StepId, properties?: Record<string, string | number>) => {
    const step = STEPS.find((s) => s.id === id);
    if (step) SmartOnboarding.track(step.track, properties);
    setSaved((s) => (s.done.includes(id) ? s : { ...s, done: [...s.done, id] }));
  };

  const addRecipe = () => {
    const next = SAMPLE_RECIPES.find((r) => !saved.recipes.includes(r.id));
    if (!next) return;
    setSaved((s) => ({ ...s, recipes: [...s.recipes, next.id] }));
    complete('add-recipe', { recipe: next.id });
  };

  const planTonight = (recipe: Recipe) => {
    if (saved.planned.includes(recipe.id)) return;
    setSaved((s) => ({ ...s, planned: [...s.planned, recipe.id] }));
    complete('plan-meal', { recipe: recipe.id });
  };

  const makeList = () => {
    if (planned.length === 0) {
      setListHint('Plan a meal first: the list is made from your plan.');
      return;
    }
    setListHint('');
    const items = shoppingList(planned);
    setSaved((s) => ({ ...s, list: items }));
    complete('shopping-list', { items: items.length });
  };

  const endTour = () => {
    setTour(null);
    SmartOnboarding.setStep(undefined);
  };

  // On phones the checklist sits in the page, under the heading, instead of covering it.
  const checklist = checklistOpen && (
    <Checklist
      placement={narrow ? 'inline' : 'bottom-right'}
      title="Get cooking"
      items={checklistItems(done)}
      onItemClick={(item) => setTour((t) => ({ startAt: item.id as StepId, run: (t?.run ?? 0) + 1 }))}
      onComplete={() => SmartOnboarding.track('onboarding_completed')}
      onDismiss={() => setChecklistOpen(false)}
    />
  );

  return (
    <div class="shell">
      <header class="top">
        <strong class="brand">Pantry</strong>
        <div class="setup">
          <Progress done={done.size} total={STEPS.length} label="Getting started" />
        </div>
      </header>

      <main>
        <h1>Plan a week of good food</h1>
        <p class="lede">Save recipes, plan your dinners, and shop once.</p>
        {narrow && checklist}

        <section id="recipes" class="card">
          <div class="row spread">
            <h2 class="grow">Recipes</h2>
            {/* Deliberately confusing: it looks ready but only works in the mobile app, and says so only
                in a tooltip. Users click it again and again; the edge answers with a nudge. */}
            <button
              id="import-recipe"
              type="button"
              class="secondary"
              aria-disabled="true"
              title="Importing from a link works in the mobile app"
            >
              Import from a link
            </button>
            <button
              id="add-recipe"
              type="button"
              onClick={addRecipe}
              disabled={recipes.length === SAMPLE_RECIPES.length}
            >
              Add a recipe
            </button>
          </div>
          {recipes.length === 0 ? (
            <p class="lede">No recipes yet.</p>
          ) : (
            <ul class="recipes">
              {recipes.map((r) => (
                <li key={r.id} class="recipe">
                  <span>
                    <strong>{r.name}</strong> · {r.minutes} min
                  </span>
                  <button
                    type="button"
                    class="secondary"
                    data-plan={r.id}
                    aria-pressed={saved.planned.includes(r.id)}
                    onClick={() => planTonight(r)}
                  >
                    {saved.planned.includes(r.id) ? 'Planned' : 'Plan for tonight'}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section id="plan" class="card">
          <h2>This week</h2>
          {planned.length === 0 ? (
            <p class="lede">Nothing planned yet.</p>
          ) : (
            <ol class="list">
              {planned.map((r) => (
                <li key={r.id}>{r.name}</li>
              ))}
            </ol>
          )}
        </section>

        <section id="shopping" class="card">
          <div class="row spread">
            <h2>Shopping list</h2>
            <button id="make-list" type="button" class="secondary" onClick={makeList}>
              Make shopping list
            </button>
          </div>
          <p class="error" role="status">
            {listHint}
          </p>
          {saved.list && (
            <ul class="list" aria-label="To buy">
              {saved.list.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          )}
        </section>
      </main>

      {tour && (
        <Tour
          key={tour.run}
          steps={STEPS}
          startAt={tour.startAt}
          onShown={({ step }) => SmartOnboarding.setStep(step.id, STEP_ESTIMATE_MS)}
          onStepChange={({ step }) => SmartOnboarding.setStep(step.id, STEP_ESTIMATE_MS)}
          onComplete={endTour}
          onDismiss={({ step }) => {
            SmartOnboarding.track('tour_dismissed', { step: step.id });
            endTour();
          }}
        />
      )}
      {!narrow && checklist}
      {plan && (
        <Nudge
          plan={plan}
          onAccept={(p) => {
            SmartOnboarding.track('nudge_accepted', { plan: p.id, kind: p.kind });
            if (p.stepId && STEPS.some((s) => s.id === p.stepId))
              setTour((t) => ({ startAt: p.stepId as StepId, run: (t?.run ?? 0) + 1 }));
            else if (p.target) document.querySelector(p.target.selector)?.scrollIntoView({ block: 'center' });
            setPlan(null);
          }}
          onDismiss={(p, outcome) => {
            SmartOnboarding.track('nudge_closed', { plan: p.id, outcome });
            setPlan(null);
          }}
        />
      )}
    </div>
  );
}

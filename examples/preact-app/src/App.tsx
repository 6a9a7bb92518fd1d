import { Checklist, Nudge, Progress, Tour } from '@smart-onboarding/widgets';
import { useEffect, useState } from 'preact/hooks';
import { enterStep, type InterventionPlan, onIntervention, trackGoal } from './onboarding';
import { type Recipe, SAMPLE_RECIPES, shoppingList } from './recipes';
import { checklistItems, STEP_ESTIMATE_MS, STEPS, type StepId } from './steps';

/** A recipe planner whose first run is guided by a tour, a checklist and nudges from the edge. */
export function App() {
  const [recipes, setRecipes] = useState<Recipe[]>([]);
  const [planned, setPlanned] = useState<Recipe[]>([]);
  const [list, setList] = useState<string[] | null>(null);
  const [listHint, setListHint] = useState('');
  const [done, setDone] = useState<ReadonlySet<StepId>>(new Set());
  // The tour runs on the first visit, and again from any unfinished checklist item.
  const [tour, setTour] = useState<{ startAt: StepId; run: number } | null>({
    startAt: 'add-recipe',
    run: 0,
  });
  const [checklistOpen, setChecklistOpen] = useState(true);
  const [plan, setPlan] = useState<InterventionPlan | null>(null);

  useEffect(() => onIntervention(setPlan), []);

  const complete = (id: StepId, properties?: Record<string, string | number>) => {
    const step = STEPS.find((s) => s.id === id);
    if (step) trackGoal(step.track, properties);
    setDone((prev) => (prev.has(id) ? prev : new Set(prev).add(id)));
  };

  const addRecipe = () => {
    const next = SAMPLE_RECIPES.find((r) => !recipes.includes(r));
    if (!next) return;
    setRecipes([...recipes, next]);
    complete('add-recipe', { recipe: next.id });
  };

  const planTonight = (recipe: Recipe) => {
    if (planned.includes(recipe)) return;
    setPlanned([...planned, recipe]);
    complete('plan-meal', { recipe: recipe.id });
  };

  const makeList = () => {
    if (planned.length === 0) {
      setListHint('Plan a meal first: the list is made from your plan.');
      return;
    }
    setListHint('');
    const items = shoppingList(planned);
    setList(items);
    complete('shopping-list', { items: items.length });
  };

  const endTour = () => {
    setTour(null);
    enterStep(undefined);
  };

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
                    aria-pressed={planned.includes(r)}
                    onClick={() => planTonight(r)}
                  >
                    {planned.includes(r) ? 'Planned' : 'Plan for tonight'}
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
          {list && (
            <ul class="list" aria-label="To buy">
              {list.map((item) => (
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
          onShown={({ step }) => enterStep(step.id, STEP_ESTIMATE_MS)}
          onStepChange={({ step }) => enterStep(step.id, STEP_ESTIMATE_MS)}
          onComplete={endTour}
          onDismiss={({ step }) => {
            trackGoal('tour_dismissed', { step: step.id });
            endTour();
          }}
        />
      )}
      {checklistOpen && (
        <Checklist
          title="Get cooking"
          items={checklistItems(done)}
          onItemClick={(item) => setTour((t) => ({ startAt: item.id as StepId, run: (t?.run ?? 0) + 1 }))}
          onComplete={() => trackGoal('onboarding_completed')}
          onDismiss={() => setChecklistOpen(false)}
        />
      )}
      {plan && (
        <Nudge
          plan={plan}
          onAccept={(p) => {
            trackGoal('nudge_accepted', { plan: p.id, kind: p.kind });
            if (p.stepId && STEPS.some((s) => s.id === p.stepId))
              setTour((t) => ({ startAt: p.stepId as StepId, run: (t?.run ?? 0) + 1 }));
            else if (p.target) document.querySelector(p.target.selector)?.scrollIntoView({ block: 'center' });
            setPlan(null);
          }}
          onDismiss={(p, outcome) => {
            trackGoal('nudge_closed', { plan: p.id, outcome });
            setPlan(null);
          }}
        />
      )}
    </div>
  );
}

import { type FieldIssue, getIn, parseList } from '../draft-model';
import { CheckField, SelectField, TextField } from '../fields';

const GOALS = ['manual', 'click', 'navigate', 'event'] as const;
const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;

interface StepProps {
  step: unknown;
  index: number;
  /** Ids of the other steps, offered as prerequisites. */
  otherIds: readonly string[];
  issues: readonly FieldIssue[];
  /** Sets a field of this step (`['target', 'selector']`); undefined removes it. */
  set: (path: (string | number)[], value: unknown) => void;
}

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const orUndefined = (v: string) => (v.trim() === '' ? undefined : v);

/** The form of one step: what it says, where it points, what completes it, what it needs, where help is. */
export function StepFields({ step, index, otherIds, issues, set }: StepProps) {
  const at = (...p: (string | number)[]) => ['steps', index, ...p];
  const goalKind = str(getIn(step, ['goal', 'kind'])) || 'manual';
  const prerequisites = (getIn(step, ['prerequisites']) as unknown[] | undefined)?.map(String) ?? [];
  const setTarget = (key: string, value: string) => {
    const target = { ...((getIn(step, ['target']) as object | undefined) ?? {}), [key]: orUndefined(value) };
    const empty = Object.values(target).every((v) => v === undefined);
    set(['target'], empty ? undefined : target);
  };
  return (
    <>
      <div class="row">
        <TextField
          label="Step id"
          path={at('id')}
          issues={issues}
          value={str(getIn(step, ['id']))}
          onChange={(v) => set(['id'], v)}
        />
        <TextField
          label="Title"
          path={at('title')}
          issues={issues}
          value={str(getIn(step, ['title']))}
          onChange={(v) => set(['title'], v)}
        />
      </div>
      <TextField
        label="Body"
        multiline
        path={at('body')}
        issues={issues}
        value={str(getIn(step, ['body']))}
        onChange={(v) => set(['body'], v)}
      />
      <fieldset>
        <legend>Target</legend>
        <div class="row">
          <TextField
            label="Element selector"
            hint="Prefer a test id or id: [data-testid=save], #connect"
            path={at('target', 'selector')}
            issues={issues}
            value={str(getIn(step, ['target', 'selector']))}
            onChange={(v) => setTarget('selector', v)}
          />
          <TextField
            label="Page route"
            hint="The path the element lives on, e.g. /settings/:tab"
            path={at('target', 'route')}
            issues={issues}
            value={str(getIn(step, ['target', 'route']))}
            onChange={(v) => setTarget('route', v)}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>Goal</legend>
        <div class="row">
          <SelectField
            label="Completed by"
            path={at('goal', 'kind')}
            issues={issues}
            value={goalKind}
            options={GOALS}
            onChange={(kind) => set(['goal'], { kind })}
          />
          {goalKind === 'click' && (
            <TextField
              label="Clicked element (empty: the target)"
              path={at('goal', 'selector')}
              issues={issues}
              value={str(getIn(step, ['goal', 'selector']))}
              onChange={(v) => set(['goal', 'selector'], orUndefined(v))}
            />
          )}
          {goalKind === 'navigate' && (
            <TextField
              label="Route reached"
              path={at('goal', 'route')}
              issues={issues}
              value={str(getIn(step, ['goal', 'route']))}
              onChange={(v) => set(['goal', 'route'], v)}
            />
          )}
          {goalKind === 'event' && (
            <TextField
              label="Event tracked"
              path={at('goal', 'event')}
              issues={issues}
              value={str(getIn(step, ['goal', 'event']))}
              onChange={(v) => set(['goal', 'event'], v)}
            />
          )}
        </div>
      </fieldset>
      <div class="row">
        <TextField
          label="Prerequisites (step ids, comma-separated)"
          hint={otherIds.length ? `Other steps: ${otherIds.join(', ')}` : undefined}
          path={at('prerequisites')}
          issues={issues}
          value={prerequisites.join(', ')}
          onChange={(v) => set(['prerequisites'], parseList(v))}
        />
        <TextField
          label="Help articles (ids, comma-separated)"
          path={at('helpArticleIds')}
          issues={issues}
          value={((getIn(step, ['helpArticleIds']) as unknown[] | undefined) ?? []).join(', ')}
          onChange={(v) => set(['helpArticleIds'], parseList(v))}
        />
      </div>
      <div class="row">
        <SelectField
          label="Difficulty"
          path={at('difficulty')}
          issues={issues}
          value={str(getIn(step, ['difficulty'])) || 'easy'}
          options={DIFFICULTIES}
          onChange={(v) => set(['difficulty'], v)}
        />
        <TextField
          label="Estimated seconds"
          type="number"
          path={at('estimatedDurationSec')}
          issues={issues}
          value={str(getIn(step, ['estimatedDurationSec']))}
          onChange={(v) => set(['estimatedDurationSec'], v === '' ? undefined : Number(v))}
        />
        <CheckField
          label="Optional step"
          path={at('optional')}
          issues={issues}
          checked={getIn(step, ['optional']) === true}
          onChange={(v) => set(['optional'], v || undefined)}
        />
      </div>
    </>
  );
}

import type { ComponentChildren } from 'preact';
import { type FieldIssue, fieldId, issuesAt, type Path } from './draft-model';

/** The issues of one field, right under it, linked to the input by aria-describedby. */
export function Issues({ id, issues }: { id: string; issues: readonly FieldIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <ul class="issues" id={id}>
      {issues.map((i) => (
        <li key={i.path + i.message}>{i.message}</li>
      ))}
    </ul>
  );
}

interface FieldProps {
  label: string;
  path: Path;
  issues: readonly FieldIssue[];
  hint?: string;
}

function describedBy(id: string, hint: string | undefined, mine: readonly FieldIssue[]) {
  return [hint ? `${id}-hint` : '', mine.length ? `${id}-issues` : ''].filter(Boolean).join(' ') || undefined;
}

/** A labelled text input (or textarea) bound to a path of the draft, with its issues beside it. */
export function TextField(
  props: FieldProps & {
    value: string;
    onChange: (value: string) => void;
    multiline?: boolean;
    type?: 'text' | 'number' | 'email' | 'password' | 'datetime-local';
    autocomplete?: string;
    required?: boolean;
  },
) {
  const id = fieldId(props.path);
  const mine = issuesAt(props.issues, props.path);
  const common = {
    id,
    value: props.value,
    'aria-invalid': mine.length > 0 ? ('true' as const) : undefined,
    'aria-describedby': describedBy(id, props.hint, mine),
    onInput: (e: Event) => props.onChange((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class={mine.length ? 'field invalid' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.multiline ? (
        <textarea {...common} rows={3} />
      ) : (
        <input
          {...common}
          // Preact's types narrow attributes by input type; every type used here takes the same ones.
          type={(props.type ?? 'text') as 'text'}
          autocomplete={props.autocomplete}
          required={props.required}
        />
      )}
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      <Issues id={`${id}-issues`} issues={mine} />
    </div>
  );
}

/** A labelled select bound to a path. */
export function SelectField(
  props: FieldProps & { value: string; options: readonly string[]; onChange: (value: string) => void },
) {
  const id = fieldId(props.path);
  const mine = issuesAt(props.issues, props.path);
  return (
    <div class={mine.length ? 'field invalid' : 'field'}>
      <label for={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        aria-invalid={mine.length > 0 ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, mine)}
        onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value)}
      >
        {props.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
      <Issues id={`${id}-issues`} issues={mine} />
    </div>
  );
}

/** A labelled checkbox bound to a path. */
export function CheckField(props: FieldProps & { checked: boolean; onChange: (checked: boolean) => void }) {
  const id = fieldId(props.path);
  const mine = issuesAt(props.issues, props.path);
  return (
    <div class="field check">
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        aria-describedby={mine.length ? `${id}-issues` : undefined}
        onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <label for={id}>{props.label}</label>
      <Issues id={`${id}-issues`} issues={mine} />
    </div>
  );
}

/** A message for everyone, screen readers included: polite for news, assertive for failures. */
export function Notice({ kind, children }: { kind: 'ok' | 'error'; children: ComponentChildren }) {
  return (
    <p class={`notice ${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}

/** Formats an epoch in the reader's locale; the console shows times, never raw numbers. */
export const when = (ms: number | null | undefined) => (ms ? new Date(ms).toLocaleString() : '—');

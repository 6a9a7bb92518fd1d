import { type FunctionComponent, h, render } from 'preact';
import { applyHostState, openShadow } from './ui/shadow-host';
import type { WidgetBaseProps } from './widgets/base';
import { ChecklistView } from './widgets/checklist';
import { HelpPanelView } from './widgets/help-panel';
import { HintView } from './widgets/hint';
import { NudgeView } from './widgets/nudge';
import { ProgressView } from './widgets/progress';
import { TourView } from './widgets/tour';

type View = FunctionComponent<never>;

/**
 * Each element: its view, whether it floats over the page, and the props it takes (all settable as
 * properties; the attribute of the same name in kebab-case also works, JSON for objects, `heading` for
 * `title`). Callback
 * props (`on…`) are common to all and also fire DOM events.
 */
const ELEMENTS: Array<[tag: string, view: View, floating: boolean, props: string]> = [
  [
    'so-tour',
    TourView as View,
    true,
    'steps startAt backdrop placement targetTimeoutMs offsetTop sheetBreakpoint',
  ],
  ['so-checklist', ChecklistView as View, true, 'items title placement collapsed'],
  ['so-hint', HintView as View, true, 'target title body open'],
  ['so-help-panel', HelpPanelView as View, true, 'help stream streaming title highlightTarget autoFocus'],
  ['so-nudge', NudgeView as View, true, 'plan sheetBreakpoint'],
  ['so-progress', ProgressView as View, false, 'done total label'],
];

const EVENTS = [
  'onShown',
  'onStepChange',
  'onComplete',
  'onDismiss',
  'onTargetMissing',
  'onItemClick',
  'onOpen',
  'onAccept',
  'onStreamComplete',
  'onClose',
];

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
/** `title` on a host would show the browser's tooltip over the whole widget, so its attribute is `heading`. */
const attributeOf = (prop: string) => (prop === 'title' ? 'heading' : kebab(prop));

/**
 * An attribute's value as a prop: JSON when it looks like JSON (objects, arrays, numbers, booleans),
 * `true` for a bare boolean attribute, else the string.
 */
export function readAttribute(value: string | null): unknown {
  if (value === null) return undefined;
  if (value === '') return true;
  if (/^\s*[[{\d"-]|^(true|false|null)$/.test(value)) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

function makeElement(View: View, floating: boolean, names: string[]): CustomElementConstructor {
  const attributes = new Map(names.map((n) => [attributeOf(n), n]));
  return class extends HTMLElement {
    static observedAttributes = [...attributes.keys()];
    private values: Record<string, unknown> = {};
    private root?: ShadowRoot;

    /** Merges props into the current ones (and reads them back). */
    set config(value: Record<string, unknown>) {
      Object.assign(this.values, value);
      this.draw();
    }
    get config(): Record<string, unknown> {
      return { ...this.values };
    }

    connectedCallback() {
      // Properties set before the element was upgraded (the bundle loads lazily) sit on the instance
      // and hide the accessors: move them into the props.
      for (const name of [...names, ...EVENTS, 'messages', 'theme']) {
        if (Object.hasOwn(this, name)) {
          const self = this as unknown as Record<string, unknown>;
          this.values[name] = self[name];
          delete self[name];
        }
      }
      this.root = openShadow(this);
      this.draw();
    }

    disconnectedCallback() {
      if (this.root) render(null, this.root);
    }

    attributeChangedCallback(name: string, _old: string | null, value: string | null) {
      this.values[attributes.get(name)!] = readAttribute(value);
      this.draw();
    }

    private draw() {
      if (!this.root || !this.isConnected) return;
      const props: Record<string, unknown> = { ...this.values };
      for (const name of EVENTS) {
        const own = this.values[name] as ((...args: unknown[]) => void) | undefined;
        props[name] = (...args: unknown[]) => {
          this.dispatchEvent(
            new CustomEvent(`so${kebab(name.slice(2))}`, {
              detail: args.length > 1 ? args : args[0],
              bubbles: true,
              composed: true,
            }),
          );
          own?.(...args);
        };
      }
      applyHostState(this, props.theme as WidgetBaseProps['theme'], floating && props.placement !== 'inline');
      render(h(View, props as never), this.root);
    }
  };
}

/**
 * Registers `<so-tour>`, `<so-checklist>`, `<so-hint>`, `<so-help-panel>`, `<so-nudge>` and
 * `<so-progress>` (tags already defined are left alone). Simple settings are attributes (kebab-case,
 * JSON for objects, `heading` for the title), objects are properties (`el.steps = [...]`, or several at once with
 * `el.config = {...}`), and every callback is also a DOM event: `onStepChange` fires `so-step-change`
 * with the callback's argument as `detail` (an array when it has several).
 *
 * @example
 * defineElements();
 * document.body.insertAdjacentHTML('beforeend', '<so-hint target="#publish" heading="Publish when ready"></so-hint>');
 */
export function defineElements(registry: CustomElementRegistry = customElements): void {
  for (const [tag, View, floating, list] of ELEMENTS) {
    if (registry.get(tag)) continue;
    const names = [...list.split(' '), 'theme'];
    const Element = makeElement(View, floating, names);
    for (const name of [...names, ...EVENTS, 'messages']) {
      Object.defineProperty(Element.prototype, name, {
        configurable: true,
        get(this: { config: Record<string, unknown> }) {
          return this.config[name];
        },
        set(this: { config: Record<string, unknown> }, value: unknown) {
          this.config = { [name]: value };
        },
      });
    }
    registry.define(tag, Element);
  }
}

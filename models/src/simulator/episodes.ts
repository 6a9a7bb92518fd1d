import type { Answer, UserSession } from './session';
import { byKind, PAGE_PATHS, type UiElement } from './ui';

/** Healthy episodes, several of which look like struggle on the surface. */
export const HEALTHY_KINDS = [
  'complete_step',
  'fill_form',
  'reading',
  'select_text',
  'stepper_burst',
  'quick_toggles',
  'idle_other_tab',
  'browse',
  'busy_work',
  'drag_items',
  'meander',
] as const;

/** Struggle episodes: the user is stuck, for different reasons. */
export const STRUGGLE_KINDS = [
  'cannot_find',
  'unresponsive_target',
  'form_misunderstood',
  'lost_navigation',
  'slow_wait',
  'error_loop',
] as const;

type HealthyKind = (typeof HEALTHY_KINDS)[number];
export type StruggleKind = (typeof STRUGGLE_KINDS)[number];
export type EpisodeKind = HealthyKind | StruggleKind;

export function isStruggle(kind: EpisodeKind): kind is StruggleKind {
  return (STRUGGLE_KINDS as readonly string[]).includes(kind);
}

/** Uses a control the persona's way: keyboard-first people tab and press enter most of the time. */
function act(s: UserSession, el: UiElement, answer: Answer): void {
  if (s.persona.device === 'keyboard' && s.rng.chance(0.75)) {
    s.tabTo(el);
    s.wait(s.rng.logNormal(120, 0.4));
    if (el.target.kind === 'text-input') return;
    s.keyActivate(el, answer);
    return;
  }
  s.moveToElement(el);
  s.wait(s.rng.logNormal(90, 0.5));
  s.click(answer, el);
}

function nextPath(s: UserSession): string {
  const i = PAGE_PATHS.indexOf(s.page.path as (typeof PAGE_PATHS)[number]);
  return PAGE_PATHS[(i + 1) % PAGE_PATHS.length]!;
}

function continueButton(s: UserSession): UiElement {
  return byKind(s.page, 'button')[0]!;
}

/** Moves to a random spot of the screen, as someone looking for something does. */
function wander(s: UserSession): void {
  const { w, h } = s.motor.viewport;
  s.moveTo({ x: Math.round(s.rng.uniform(10, w - 10)), y: Math.round(s.rng.uniform(10, h - 10)) }, 60);
}

/** Shakes the pointer: fast short strokes back and forth (impatience). */
function thrash(s: UserSession, strokes: number): void {
  if (!s.usesPointerPath) return;
  const base = { ...s.pos };
  const amp = s.rng.uniform(40, 160);
  for (let i = 0; i < strokes; i++) {
    const dir = i % 2 === 0 ? 1 : -1;
    s.moveTo(
      {
        x: Math.round(base.x + dir * amp * s.rng.uniform(0.6, 1)),
        y: Math.round(base.y + s.rng.normal(0, amp / 4)),
      },
      200,
    );
  }
}

export const EPISODES: Record<EpisodeKind, (s: UserSession) => void> = {
  complete_step(s) {
    s.think();
    for (const f of byKind(s.page, 'field').slice(0, s.rng.int(1, 2))) {
      act(s, f, { kind: 'focus' });
      s.type(s.rng.int(4, 14));
      s.think(0.5);
    }
    if (s.rng.chance(0.5)) act(s, s.rng.pick(byKind(s.page, 'checkbox')), { kind: 'mutation' });
    s.think(0.7);
    act(s, continueButton(s), { kind: 'nav', path: nextPath(s) });
    s.think(0.5);
  },

  fill_form(s) {
    for (const f of byKind(s.page, 'field')) {
      s.think(0.6);
      act(s, f, { kind: 'focus' });
      s.type(s.rng.int(6, 24), s.motor.typoRate * 1.5);
    }
    s.think(0.5);
  },

  reading(s) {
    const stops = s.rng.int(2, 5);
    // Some people read with the pointer: it sweeps along each line and jumps back to the next one.
    const followsText = s.usesPointerPath && s.rng.chance(0.4);
    for (let i = 0; i < stops; i++) {
      if (followsText) {
        const x0 = s.pos.x;
        for (let line = s.rng.int(2, 6); line > 0; line--) {
          const width = s.rng.uniform(200, 520);
          s.moveTo({ x: Math.round(x0 + width), y: s.pos.y + Math.round(s.rng.normal(0, 3)) }, 400);
          s.wait(s.rng.uniform(50, 300));
          s.moveTo({ x: Math.round(x0 + s.rng.normal(0, 10)), y: s.pos.y + s.rng.int(14, 28) }, 200);
        }
      } else s.wait(s.rng.logNormal(3500 * s.motor.readFactor, 0.4));
      if (s.usesPointerPath && s.rng.chance(0.4)) s.fidget(1, 80);
      if (s.rng.chance(0.7)) s.scrollBy(s.rng.uniform(120, 420));
      if (s.rng.chance(0.15)) s.scrollBy(-s.rng.uniform(60, 200));
    }
  },

  select_text(s) {
    const text = s.rng.pick(byKind(s.page, 'text'));
    s.moveToElement(text);
    s.wait(s.rng.logNormal(300, 0.4));
    s.click({ kind: 'none' }, text);
    s.wait(s.rng.uniform(80, 200));
    s.click({ kind: 'selection' }, text);
    if (s.rng.chance(0.35)) {
      s.wait(s.rng.uniform(80, 200));
      s.click({ kind: 'selection' }, text);
    }
    s.wait(s.rng.logNormal(600, 0.4));
    s.emit({ type: 'key', t: s.t, kind: 'modifier' });
    s.emit({ type: 'key', t: s.t + 60, kind: 'char' });
    s.think();
  },

  stepper_burst(s) {
    const plus = s.rng.pick(byKind(s.page, 'stepper'));
    s.moveToElement(plus);
    const n = s.rng.int(3, 9);
    const gap = s.persona.expertise === 'expert' ? 160 : 280;
    for (let i = 0; i < n; i++) {
      s.click({ kind: 'mutation', latencyMs: s.rng.uniform(10, 60) }, plus);
      s.wait(s.rng.logNormal(gap, 0.25));
    }
    s.think(0.6);
  },

  quick_toggles(s) {
    for (const box of byKind(s.page, 'checkbox')) {
      act(s, box, { kind: 'mutation', latencyMs: s.rng.uniform(10, 50) });
      s.wait(s.rng.logNormal(s.persona.expertise === 'expert' ? 200 : 450, 0.3));
    }
    if (s.usesPointerPath && s.rng.chance(0.5)) {
      // A click on empty space to close something: a non-interactive click that is not struggle.
      wander(s);
      s.click({ kind: 'mutation' });
    }
    s.think(0.6);
  },

  idle_other_tab(s) {
    s.think(0.3);
    s.hide(s.rng.logNormal(25_000, 0.6));
    s.think(0.8);
  },

  browse(s) {
    const link = s.rng.pick(byKind(s.page, 'nav'));
    const from = s.page.path;
    act(s, link, { kind: 'nav', path: link.target.selector.match(/"(.*)"/)![1]! });
    s.wait(s.rng.logNormal(6000 * s.motor.readFactor, 0.35));
    if (s.rng.chance(0.5)) s.scrollBy(s.rng.uniform(200, 600));
    if (s.rng.chance(0.4)) {
      s.wait(s.rng.logNormal(2000, 0.3));
      s.emit({ type: 'key', t: s.t, kind: 'navigation' });
      s.navigate(from, 'pop', s.t + 20);
    }
    s.think();
  },

  busy_work(s) {
    // A practised user getting things done: quick aimed movements all over the screen, clicks that work,
    // an occasional double click to open something, wheel bursts. Lots of motion, none of it struggle.
    const actions = s.rng.int(6, 16);
    for (let i = 0; i < actions; i++) {
      const r = s.rng.next();
      const el = s.rng.pick(s.page.elements);
      if (r < 0.55 && el.target.interactive && s.persona.device !== 'keyboard') {
        s.moveToElement(el);
        s.wait(s.rng.logNormal(80, 0.5));
        s.click({ kind: 'mutation' }, el);
        if (s.rng.chance(0.12)) {
          s.wait(s.rng.uniform(90, 180));
          s.click({ kind: 'mutation' }, el);
        }
      } else if (r < 0.75) {
        s.scrollBy(s.rng.uniform(-400, 500));
      } else if (s.usesPointerPath) {
        s.moveToElement(el);
      } else {
        act(s, s.rng.pick(byKind(s.page, 'checkbox')), { kind: 'mutation' });
      }
      s.wait(s.rng.chance(0.4) ? s.rng.uniform(0, 100) : s.rng.logNormal(s.motor.thinkMs * 0.35, 0.5));
    }
  },

  meander(s) {
    // The pointer drifts while the person thinks or reads: long, curving, unhurried paths through a few
    // points, often with no pause between them. Real traces are full of this; it is not searching.
    if (!s.usesPointerPath) {
      s.wait(s.rng.logNormal(4000, 0.4));
      return;
    }
    const bouts = s.rng.int(1, 4);
    for (let b = 0; b < bouts; b++) {
      for (let i = s.rng.int(2, 9); i > 0; i--) {
        const { w, h } = s.motor.viewport;
        const to = {
          x: Math.round(Math.min(w - 5, Math.max(5, s.pos.x + s.rng.normal(0, w / (b % 2 ? 12 : 5))))),
          y: Math.round(Math.min(h - 5, Math.max(5, s.pos.y + s.rng.normal(0, h / (b % 2 ? 12 : 5))))),
        };
        s.moveTo(to, s.rng.uniform(80, 300));
        s.wait(s.rng.uniform(0, 120));
      }
      s.wait(s.rng.logNormal(1500 * s.motor.readFactor, 0.5));
      if (s.rng.chance(0.3)) s.scrollBy(s.rng.uniform(100, 400));
    }
  },

  drag_items(s) {
    // Reordering a list by drag and drop: press, an aimed movement with the button down, release.
    if (!s.usesPointerPath) {
      EPISODES.busy_work(s);
      return;
    }
    for (let i = 0; i < s.rng.int(2, 5); i++) {
      const from = s.rng.pick(s.page.elements);
      s.moveToElement(from);
      s.emit({
        type: 'down',
        t: s.t,
        x: s.pos.x,
        y: s.pos.y,
        button: 0,
        pointer: 'mouse',
        target: s.targetInfo(from),
      });
      s.wait(s.rng.uniform(80, 200));
      s.moveTo(
        { x: s.pos.x + Math.round(s.rng.normal(0, 60)), y: s.pos.y + Math.round(s.rng.uniform(-250, 250)) },
        30,
      );
      s.emit({ type: 'up', t: s.t, x: s.pos.x, y: s.pos.y, button: 0, pointer: 'mouse' });
      s.emit({ type: 'mutation', t: s.t + 20, nodes: 2, attributes: 4 });
      s.think(0.4);
    }
  },

  cannot_find(s) {
    const rounds = s.rng.int(4, 10);
    for (let i = 0; i < rounds; i++) {
      if (s.usesPointerPath) {
        wander(s);
        s.wait(s.rng.logNormal(700, 0.5));
        if (s.rng.chance(0.4)) {
          const link = s.rng.pick(byKind(s.page, 'nav'));
          s.moveToElement(link);
          s.wait(s.rng.logNormal(900, 0.4));
        }
      } else {
        s.wait(s.rng.logNormal(1500, 0.4));
      }
      if (s.rng.chance(0.5)) s.scrollBy(s.rng.uniform(-500, 600));
      if (s.rng.chance(0.3)) {
        const text = s.rng.pick(byKind(s.page, 'text'));
        s.moveToElement(text);
        s.click({ kind: 'none' }, text);
      }
      if (s.rng.chance(0.15)) {
        const link = s.rng.pick(byKind(s.page, 'nav'));
        const from = s.page.path;
        act(s, link, { kind: 'nav', path: link.target.selector.match(/"(.*)"/)![1]! });
        s.wait(s.rng.logNormal(1800, 0.4));
        s.navigate(from, 'pop');
      }
    }
  },

  unresponsive_target(s) {
    const button = s.rng.pick(byKind(s.page, 'button'));
    act(s, button, { kind: 'none' });
    const bursts = s.rng.int(1, 3);
    for (let b = 0; b < bursts; b++) {
      s.wait(s.rng.logNormal(900, 0.4));
      if (s.persona.device === 'keyboard' && s.rng.chance(0.5)) {
        for (let i = 0; i < s.rng.int(2, 4); i++) {
          s.keyActivate(button, { kind: 'none' });
          s.wait(s.rng.uniform(150, 400));
        }
      } else {
        if (b > 0 || s.persona.device === 'keyboard') s.moveToElement(button);
        const n = s.rng.int(2, 6);
        for (let i = 0; i < n; i++) {
          s.click({ kind: 'none' }, button);
          s.wait(s.rng.logNormal(220, 0.35));
        }
      }
      if (s.rng.chance(0.5)) thrash(s, s.rng.int(2, 6));
    }
    s.think();
  },

  form_misunderstood(s) {
    const fields = byKind(s.page, 'field');
    const bad = s.rng.pick(fields);
    const submit = continueButton(s);
    const attempts = s.rng.int(2, 4);
    for (let a = 0; a < attempts; a++) {
      act(s, bad, { kind: 'focus' });
      if (a > 0) s.erase(s.rng.int(3, 12));
      s.type(s.rng.int(4, 12));
      s.think(0.6);
      act(s, submit, { kind: 'mutation' });
      s.submit(submit, [bad]);
      s.wait(s.rng.logNormal(1600, 0.4));
    }
    s.think();
  },

  lost_navigation(s) {
    const hops = s.rng.int(3, 5);
    for (let i = 0; i < hops; i++) {
      const link = s.rng.pick(byKind(s.page, 'nav'));
      const from = s.page.path;
      act(s, link, { kind: 'nav', path: link.target.selector.match(/"(.*)"/)![1]! });
      s.wait(s.rng.logNormal(1300, 0.4));
      if (s.rng.chance(0.5)) {
        s.scrollBy(s.rng.uniform(200, 700));
        s.scrollBy(-s.rng.uniform(150, 600));
      }
      s.emit({ type: 'key', t: s.t, kind: 'navigation' });
      s.navigate(from, 'pop', s.t + 20);
      s.wait(s.rng.logNormal(900, 0.4));
    }
  },

  slow_wait(s) {
    const button = continueButton(s);
    const waitMs = s.rng.uniform(5000, 14_000);
    act(s, button, { kind: 'none' });
    const answerAt = s.t + waitMs;
    const end = answerAt;
    while (s.t < end - 800) {
      const r = s.rng.next();
      if (r < 0.35) thrash(s, s.rng.int(2, 5));
      else if (r < 0.6) s.click({ kind: 'none' }, button);
      else s.wait(s.rng.logNormal(900, 0.4));
    }
    if (s.rng.chance(0.3)) s.emit({ type: 'error', t: answerAt, kind: 'request', status: 504 });
    else s.emit({ type: 'mutation', t: answerAt, nodes: s.rng.int(5, 60), attributes: 2 });
    s.t = Math.max(s.t, answerAt);
    s.think(0.5);
  },

  error_loop(s) {
    const button = s.rng.pick(byKind(s.page, 'button'));
    const tries = s.rng.int(2, 4);
    for (let i = 0; i < tries; i++) {
      act(s, button, { kind: 'error', status: s.rng.pick([0, 500, 502]) });
      s.wait(s.rng.logNormal(1200, 0.4));
      if (s.usesPointerPath && s.rng.chance(0.4)) s.fidget(2, 60);
    }
    s.think();
  },
};

import type { RandomStream } from '@smart-onboarding/stats';
import type { RawEvent, TargetInfo } from '../sdk';
import { aimedMovement, fittsTime, type Point } from './kinematics';
import type { MotorProfile, Persona } from './persona';
import type { Page, UiElement } from './ui';

/** How the simulated page reacts to a click. */
export type Answer =
  | { kind: 'mutation'; latencyMs?: number }
  | { kind: 'nav'; path: string }
  | { kind: 'focus' }
  | { kind: 'selection' }
  | { kind: 'error'; status: number }
  | { kind: 'none' };

/**
 * The simulated user at the controls of the simulated app: it owns the clock, the pointer, the scroll
 * position and the focus, and writes what a person's input would make the SDK capture. Events the page
 * produces later (a slow answer) may be written ahead of time; `events()` returns them in time order.
 */
export class UserSession {
  t = 0;
  pos: Point;
  scrollY = 0;
  page: Page;
  private focused: UiElement | undefined;
  private hovered: UiElement | undefined;
  private lastClick: { t: number; x: number; y: number; count: number } | undefined;
  private readonly out: RawEvent[] = [];
  private seq = 0;
  private readonly order = new Map<RawEvent, number>();

  constructor(
    readonly rng: RandomStream,
    readonly persona: Persona,
    readonly motor: MotorProfile,
    readonly pages: Page[],
  ) {
    this.page = pages[0]!;
    this.pos = { x: motor.viewport.w / 2, y: motor.viewport.h / 2 };
    this.emit({ type: 'nav', t: 0, path: this.page.path, kind: 'load' });
    this.emit({ type: 'resize', t: 0, w: motor.viewport.w, h: motor.viewport.h });
  }

  get usesPointerPath(): boolean {
    return this.persona.device !== 'touch';
  }

  get pointerKind(): 'mouse' | 'touch' {
    return this.persona.device === 'touch' ? 'touch' : 'mouse';
  }

  emit(e: RawEvent): void {
    this.order.set(e, this.seq++);
    this.out.push(e);
  }

  /** All events in time order (ties keep the order they were written). */
  events(): RawEvent[] {
    return [...this.out].sort((a, b) => a.t - b.t || this.order.get(a)! - this.order.get(b)!);
  }

  wait(ms: number): void {
    this.t += Math.max(0, ms);
  }

  /** A think pause before the next action, scaled by the persona. */
  think(factor = 1): void {
    this.wait(this.rng.logNormal(this.motor.thinkMs * factor, 0.45));
  }

  /** Where an element is on screen now (viewport coordinates). */
  screenRect(el: UiElement): { x: number; y: number; w: number; h: number } {
    return { ...el.rect, y: el.rect.y - this.scrollY };
  }

  /** Scrolls so the element is on screen, as a person would before aiming at it. */
  reveal(el: UiElement): void {
    const r = this.screenRect(el);
    const h = this.motor.viewport.h;
    if (r.y >= 60 && r.y + r.h <= h - 20) return;
    const wanted = Math.min(this.page.maxY, Math.max(0, el.rect.y - h * this.rng.uniform(0.3, 0.6)));
    this.scrollBy(wanted - this.scrollY);
  }

  /** A point inside the element, a little off centre as people aim. */
  pointIn(el: UiElement): Point {
    const r = this.screenRect(el);
    return {
      x: Math.round(r.x + r.w * (0.5 + this.rng.normal(0, 0.12))),
      y: Math.round(r.y + r.h * (0.5 + this.rng.normal(0, 0.12))),
    };
  }

  /** Moves the pointer to a point (aimed movement with a mouse or touchpad; the finger travels unseen on touch). */
  moveTo(to: Point, width = 40): void {
    if (!this.usesPointerPath) {
      this.wait(fittsTime(this.motor, Math.hypot(to.x - this.pos.x, to.y - this.pos.y), width));
      this.pos = { ...to };
      return;
    }
    const move = aimedMovement(this.rng, this.motor, this.pos, to, width);
    const t0 = this.t;
    for (const s of move.samples) {
      const t = t0 + s.dt;
      this.emit({ type: 'move', t, x: s.x, y: s.y, pointer: 'mouse' });
      this.updateHover(t, s);
    }
    this.t = t0 + move.durationMs;
    this.pos = move.end;
  }

  moveToElement(el: UiElement): void {
    this.reveal(el);
    this.moveTo(this.pointIn(el), Math.min(el.rect.w, el.rect.h * 2));
  }

  /** Small aimless motion (waiting, reading, fidgeting): `n` short strokes around the current point. */
  fidget(n: number, radius: number): void {
    const { w, h } = this.motor.viewport;
    for (let i = 0; i < n; i++) {
      const to = {
        x: clamp(this.pos.x + this.rng.normal(0, radius), 0, w - 1),
        y: clamp(this.pos.y + this.rng.normal(0, radius), 0, h - 1),
      };
      this.moveTo(to, radius);
      this.wait(this.rng.uniform(30, 250));
    }
  }

  private updateHover(t: number, p: Point): void {
    const over = this.page.elements.find((el) => {
      if (!el.target.interactive) return false;
      const r = this.screenRect(el);
      return p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h;
    });
    if (over === this.hovered) return;
    if (this.hovered) this.emit({ type: 'hover', t, phase: 'leave', target: this.targetInfo(this.hovered) });
    if (over) this.emit({ type: 'hover', t, phase: 'enter', target: this.targetInfo(over) });
    this.hovered = over;
  }

  targetInfo(el: UiElement): TargetInfo {
    const r = this.screenRect(el);
    return { ...el.target, rect: r };
  }

  /** The element under a screen point, or the page body. */
  elementAt(p: Point): UiElement | undefined {
    return this.page.elements.find((el) => {
      const r = this.screenRect(el);
      return p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h;
    });
  }

  /** Presses and releases at the current point, with the page's answer. */
  click(answer: Answer, target?: UiElement): void {
    const el = target ?? this.elementAt(this.pos);
    const info = el ? this.targetInfo(el) : BODY;
    const pointer = this.pointerKind;
    const { x, y } = this.pos;
    const last = this.lastClick;
    const count =
      last && this.t - last.t < 500 && Math.hypot(x - last.x, y - last.y) < 5 ? last.count + 1 : 1;
    this.emit({ type: 'down', t: this.t, x, y, button: 0, pointer, target: info });
    this.t += this.rng.uniform(pointer === 'touch' ? 60 : 50, pointer === 'touch' ? 160 : 120);
    this.emit({ type: 'up', t: this.t, x, y, button: 0, pointer, target: info });
    this.emit({ type: 'click', t: this.t, x, y, pointer, detail: count, target: info });
    this.lastClick = { t: this.t, x, y, count };
    this.answer(answer, el);
  }

  /** Keyboard activation (enter on the focused control): a click with click count 0 and no coordinates. */
  keyActivate(el: UiElement, answer: Answer): void {
    this.emit({ type: 'key', t: this.t, kind: 'enter', target: this.targetInfo(el) });
    this.t += this.rng.uniform(5, 20);
    this.emit({
      type: 'click',
      t: this.t,
      x: 0,
      y: 0,
      pointer: 'mouse',
      detail: 0,
      target: this.targetInfo(el),
    });
    this.answer(answer, el);
  }

  private answer(answer: Answer, el: UiElement | undefined): void {
    const at = (ms: number) => this.t + ms;
    switch (answer.kind) {
      case 'mutation':
        this.emit({
          type: 'mutation',
          t: at(answer.latencyMs ?? this.rng.uniform(16, 250)),
          nodes: this.rng.int(1, 40),
          attributes: this.rng.int(0, 10),
        });
        break;
      case 'nav':
        this.navigate(answer.path, 'push', at(this.rng.uniform(30, 200)));
        break;
      case 'focus':
        if (el) this.focus(el, at(1));
        break;
      case 'selection':
        this.emit({ type: 'selection', t: at(1), length: this.rng.int(3, 40) });
        break;
      case 'error':
        this.emit({
          type: 'error',
          t: at(this.rng.uniform(80, 600)),
          kind: 'request',
          status: answer.status,
        });
        break;
      case 'none':
        break;
    }
  }

  focus(el: UiElement, t = this.t): void {
    if (this.focused === el) return;
    if (this.focused) this.emit({ type: 'blur', t, target: this.targetInfo(this.focused) });
    this.emit({ type: 'focus', t, target: this.targetInfo(el) });
    this.focused = el;
  }

  /** Tab to a control. */
  tabTo(el: UiElement): void {
    this.emit({
      type: 'key',
      t: this.t,
      kind: 'tab',
      ...(this.focused ? { target: this.targetInfo(this.focused) } : {}),
    });
    this.t += this.rng.uniform(5, 30);
    this.focus(el);
  }

  /** Types `chars` characters into the focused field, with typos corrected as they happen. */
  type(chars: number, typoRate = this.motor.typoRate): void {
    const el = this.focused;
    if (!el) return;
    const target = this.targetInfo(el);
    for (let i = 0; i < chars; i++) {
      this.wait(this.rng.logNormal(this.motor.keyMs, 0.35));
      this.emit({ type: 'key', t: this.t, kind: 'char', target });
      this.emit({ type: 'input', t: this.t + 1, target, kind: 'insert' });
      if (this.rng.chance(typoRate)) {
        this.wait(this.rng.logNormal(this.motor.keyMs * 2, 0.3));
        this.emit({ type: 'key', t: this.t, kind: 'delete', target });
        this.emit({ type: 'input', t: this.t + 1, target, kind: 'delete' });
      }
    }
  }

  /** Deletes `chars` characters one key at a time. */
  erase(chars: number): void {
    const el = this.focused;
    if (!el) return;
    const target = this.targetInfo(el);
    for (let i = 0; i < chars; i++) {
      this.wait(this.rng.logNormal(this.motor.keyMs * 0.7, 0.3));
      this.emit({ type: 'key', t: this.t, kind: 'delete', target });
      this.emit({ type: 'input', t: this.t + 1, target, kind: 'delete' });
    }
  }

  submit(form: UiElement, invalid: UiElement[]): void {
    this.emit({ type: 'submit', t: this.t + 1, target: this.targetInfo(form) });
    for (const f of invalid) this.emit({ type: 'invalid', t: this.t + 2, target: this.targetInfo(f) });
  }

  /** Scrolls by `dy` px the way the device does: wheel notches, touchpad deltas with momentum, or a finger drag. */
  scrollBy(dy: number): void {
    const target = clamp(this.scrollY + dy, 0, this.page.maxY);
    let remaining = target - this.scrollY;
    if (Math.abs(remaining) < 1) return;
    const device = this.persona.device;
    while (Math.abs(remaining) >= 1) {
      const stepPx =
        device === 'touchpad'
          ? Math.min(Math.abs(remaining), this.rng.uniform(8, 60))
          : device === 'touch'
            ? Math.min(Math.abs(remaining), this.rng.uniform(20, 120))
            : Math.min(Math.abs(remaining), 100);
      const d = Math.sign(remaining) * stepPx;
      this.t +=
        device === 'touchpad' || device === 'touch' ? this.rng.uniform(14, 20) : this.rng.uniform(40, 110);
      if (device === 'touch') {
        this.emit({
          type: 'move',
          t: this.t,
          x: this.pos.x,
          y: Math.round(this.pos.y - d / 3),
          pointer: 'touch',
        });
      } else {
        this.emit({ type: 'wheel', t: this.t, dx: 0, dy: d, x: this.pos.x, y: this.pos.y });
      }
      this.scrollY += d;
      remaining -= d;
      this.emit({ type: 'scroll', t: this.t + 2, x: 0, y: Math.round(this.scrollY), maxY: this.page.maxY });
    }
  }

  navigate(path: string, kind: 'push' | 'pop', t = this.t): void {
    const next = this.pages.find((p) => p.path === path) ?? this.page;
    this.emit({ type: 'nav', t, path: next.path, kind });
    this.emit({
      type: 'mutation',
      t: t + this.rng.uniform(10, 80),
      nodes: this.rng.int(20, 200),
      attributes: 0,
    });
    this.page = next;
    this.scrollY = 0;
    this.focused = undefined;
    this.hovered = undefined;
  }

  /** The tab goes to the background for `ms`. */
  hide(ms: number): void {
    this.emit({ type: 'visibility', t: this.t, hidden: true });
    this.wait(ms);
    this.emit({ type: 'visibility', t: this.t, hidden: false });
  }
}

const BODY: TargetInfo = { selector: 'body', tag: 'body', kind: 'other', interactive: false };

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

import type { RandomStream } from '@smart-onboarding/stats';
import type { TargetInfo } from '../sdk';

/** A control or text block of a simulated page, in document coordinates. */
export interface UiElement {
  target: TargetInfo;
  rect: { x: number; y: number; w: number; h: number };
}

/** One page of the simulated onboarding app (a creator studio: connect accounts, set goals, publish). */
export interface Page {
  path: string;
  /** Scrollable height beyond the viewport, px. */
  maxY: number;
  elements: UiElement[];
}

export const PAGE_PATHS = ['/welcome', '/connect', '/goals', '/publish', '/settings'] as const;

/** Elements of a page by kind, for episodes to pick from. */
export function byKind(
  page: Page,
  kind: 'nav' | 'field' | 'button' | 'stepper' | 'text' | 'checkbox',
): UiElement[] {
  return page.elements.filter((e) => {
    const t = e.target;
    switch (kind) {
      case 'nav':
        return t.kind === 'link';
      case 'field':
        return t.kind === 'text-input';
      case 'button':
        return t.kind === 'button' && !t.stepper;
      case 'stepper':
        return !!t.stepper;
      case 'text':
        return !t.interactive;
      case 'checkbox':
        return t.kind === 'checkbox';
      default:
        return false;
    }
  });
}

/**
 * Lays out the pages for a viewport: a nav bar, text, a form, buttons, a stepper and checkboxes, placed
 * with some randomness so no two users see pixel-identical pages. Small screens stack and scroll more.
 */
export function buildPages(rng: RandomStream, viewport: { w: number; h: number }): Page[] {
  const narrow = viewport.w < 700;
  return PAGE_PATHS.map((path, p) => {
    const elements: UiElement[] = [];
    const add = (target: TargetInfo, x: number, y: number, w: number, h: number) =>
      elements.push({
        target,
        rect: { x: Math.round(x), y: Math.round(y), w: Math.round(w), h: Math.round(h) },
      });
    const linkW = narrow ? viewport.w / 5 : 110;
    for (const [i, to] of PAGE_PATHS.entries())
      add(
        { selector: `nav a[href="${to}"]`, tag: 'a', kind: 'link', interactive: true, role: 'link' },
        (narrow ? 0 : 40) + i * (linkW + (narrow ? 0 : 20)),
        12,
        linkW - 4,
        36,
      );
    const col = narrow ? 16 : viewport.w * rng.uniform(0.18, 0.28);
    const colW = narrow ? viewport.w - 32 : Math.min(640, viewport.w * 0.45);
    let y = 90;
    const paragraphs = rng.int(2, 4);
    for (let i = 0; i < paragraphs; i++) {
      const h = rng.int(60, 140) * (narrow ? 1.6 : 1);
      add(
        { selector: `main p:nth-of-type(${i + 1})`, tag: 'p', kind: 'other', interactive: false },
        col,
        y,
        colW,
        h,
      );
      y += h + 20;
    }
    const fields = rng.int(2, 4);
    for (let i = 0; i < fields; i++) {
      add({ selector: `#f${p}-${i}`, tag: 'input', kind: 'text-input', interactive: true }, col, y, colW, 40);
      y += 64;
    }
    add(
      { selector: `#qty-minus-${p}`, tag: 'button', kind: 'button', interactive: true, stepper: true },
      col,
      y,
      40,
      40,
    );
    add(
      { selector: `#qty-plus-${p}`, tag: 'button', kind: 'button', interactive: true, stepper: true },
      col + 100,
      y,
      40,
      40,
    );
    y += 64;
    for (let i = 0; i < 3; i++) {
      add(
        { selector: `#opt${p}-${i}`, tag: 'input', kind: 'checkbox', interactive: true, role: 'checkbox' },
        col,
        y,
        20,
        20,
      );
      y += 36;
    }
    add(
      { selector: `#continue-${p}`, tag: 'button', kind: 'button', interactive: true },
      col,
      y + 10,
      narrow ? colW : 160,
      44,
    );
    add(
      { selector: `#secondary-${p}`, tag: 'button', kind: 'button', interactive: true },
      narrow ? col : col + 180,
      narrow ? y + 70 : y + 10,
      narrow ? colW : 140,
      44,
    );
    y += narrow ? 140 : 80;
    const tail = rng.int(1, 3);
    for (let i = 0; i < tail; i++) {
      const h = rng.int(80, 200);
      add(
        { selector: `footer p:nth-of-type(${i + 1})`, tag: 'p', kind: 'other', interactive: false },
        col,
        y,
        colW,
        h,
      );
      y += h + 20;
    }
    return { path, maxY: Math.max(0, y + 200 - viewport.h), elements };
  });
}

/**
 * The widgets' one stylesheet, adopted by every shadow root. `:host { all: initial }` stops the page's
 * inherited styles at the door, and nothing here can reach out. Theming goes through CSS custom
 * properties, which do cross shadow boundaries: `--so-*` for the light theme and shared sizes,
 * `--so-dark-*` for the dark one; `light-dark()` picks per the host's `color-scheme`, which follows the
 * system unless `data-so-theme` pins it. Internal names are one letter because every byte ships.
 * The build minifies this text.
 */
export const css = /* css */ `
:host {
  all: initial;
  color-scheme: light dark;
  --b: light-dark(var(--so-bg, #fff), var(--so-dark-bg, #1c1e25));
  --f: light-dark(var(--so-fg, #1a1b20), var(--so-dark-fg, #eceef4));
  --m: light-dark(var(--so-muted, #585d6b), var(--so-dark-muted, #a6abb8));
  --l: light-dark(var(--so-border, #e2e4ea), var(--so-dark-border, #343845));
  --a: light-dark(var(--so-accent, #4f46e5), var(--so-dark-accent, #9b98ff));
  --o: light-dark(var(--so-accent-fg, #fff), var(--so-dark-accent-fg, #15161c));
  --s: light-dark(var(--so-soft, #eef0ff), var(--so-dark-soft, #2a2c48));
  --k: light-dark(var(--so-backdrop, #0f111a73), var(--so-dark-backdrop, #0009));
  --r: var(--so-radius, 12px);
  display: block;
}
:host([data-so-theme="light"]) { color-scheme: light; }
:host([data-so-theme="dark"]) { color-scheme: dark; }
:host([data-so-layer]) { position: fixed; top: 0; left: 0; z-index: var(--so-z, 2147483000); }
* { box-sizing: border-box; }
/* Typography is set on our own roots, not the host, which a page rule such as "* { font: … !important }" reaches. */
.card, .progress { font: 14px/1.5 var(--so-font, system-ui, sans-serif); color: var(--f); }
.card { background: var(--b); border: 1px solid var(--l); border-radius: var(--r); box-shadow: var(--so-shadow, 0 12px 36px #10121b33); padding: 16px; }
.pop, .center, .sheet, .corner, .panel, .spot, .scrim, .beacon { position: fixed; }
.pop { top: 0; left: 0; width: min(360px, 100vw - 16px); opacity: 0; }
.pop[data-placed] { opacity: 1; }
.center { top: 50%; left: 50%; transform: translate(-50%, -50%); width: min(400px, 100vw - 16px); }
.sheet { left: 0; right: 0; bottom: 0; max-height: 50vh; overflow: auto; }
.sheet, .panel { border-radius: var(--r) var(--r) 0 0; }
.corner { right: 16px; bottom: 16px; width: min(360px, 100vw - 32px); }
.start { right: auto; left: 16px; }
.scrim { inset: 0; background: var(--k); }
.spot { pointer-events: none; border-radius: 10px; box-shadow: 0 0 0 3px var(--a); }
.dim { box-shadow: 0 0 0 3px var(--a), 0 0 0 100vmax var(--k); }
.head { display: flex; align-items: center; gap: 8px; margin: -4px -6px 4px 0; }
.eyebrow, .note, .desc, .tag { color: var(--m); font-size: 12.5px; }
.grow { flex: 1; }
.title { font-size: 16px; font-weight: 650; margin: 0 0 6px; }
.body > *, .body, .note { margin: 0 0 10px; }
code { font: 13px monospace; background: var(--s); padding: 0 4px; border-radius: 4px; }
.actions { display: flex; gap: 8px; justify-content: flex-end; }
button { font: inherit; color: inherit; cursor: pointer; border: 0; background: none; padding: 0; text-align: start; }
.btn { font-weight: 600; border-radius: 8px; padding: 7px 14px; border: 1px solid var(--l); }
.btn.primary { background: var(--a); border-color: var(--a); color: var(--o); }
button:hover { filter: brightness(1.1); }
.x { display: grid; place-items: center; width: 32px; height: 32px; border-radius: 8px; color: var(--m); }
:focus-visible { outline: 2px solid var(--a); outline-offset: 2px; }
[tabindex="-1"]:focus { outline: 0; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.beacon { width: 24px; height: 24px; border-radius: 50%; display: grid; place-items: center; }
.beacon::before { content: ""; width: 12px; height: 12px; border-radius: 50%; background: var(--a); box-shadow: 0 0 0 3px var(--b); }
.beacon::after { content: ""; position: absolute; inset: 0; border-radius: 50%; border: 2px solid var(--a); opacity: 0.6; }
.bar { height: 6px; border-radius: 9px; background: var(--s); overflow: hidden; margin: 6px 0; }
.fill { height: 100%; background: var(--a); transition: width 0.3s; }
.row { display: flex; justify-content: space-between; gap: 12px; }
/* One line, however long the label: the bar's label is cut, never wrapped. */
.row > * { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; min-width: 0; }
.row > .eyebrow { flex: none; }
a.btn { text-decoration: none; }
.list { list-style: none; margin: 8px 0 0; padding: 0; }
.item { display: flex; gap: 10px; width: 100%; padding: 8px; border-radius: 8px; }
.check { flex: none; width: 20px; height: 20px; border-radius: 50%; border: 2px solid var(--l); display: grid; place-items: center; }
.done .check { background: var(--a); border-color: var(--a); color: var(--o); }
.done .label { color: var(--m); text-decoration: line-through; }
.desc { display: block; }
.tag { border: 1px solid var(--l); border-radius: 9px; padding: 0 6px; margin-inline-start: 6px; }
.toggle { display: flex; align-items: center; gap: 10px; }
.panel { top: 12px; right: 12px; bottom: 12px; width: min(400px, 100vw - 24px); display: flex; flex-direction: column; padding: 0; border-radius: var(--r); }
.panel > * { padding: 12px 18px; margin: 0; }
.panel > :not(:last-child) { border-bottom: 1px solid var(--l); }
.scroll { flex: 1; overflow: auto; }
.badge { display: inline-block; font-size: 12px; font-weight: 600; border-radius: 9px; padding: 2px 10px; margin-bottom: 12px; background: var(--s); }
.sources h3 { font-size: 12px; margin: 12px 0 4px; color: var(--m); }
a { color: var(--a); }
@media (max-width: 560px) {
  .panel { top: auto; left: 0; right: 0; bottom: 0; width: auto; max-height: 75vh; border-radius: var(--r) var(--r) 0 0; }
  .corner { left: 8px; right: 8px; bottom: 8px; width: auto; }
}
@media (prefers-reduced-motion: no-preference) {
  .pop[data-placed], .center, .corner, .panel, .sheet { animation: so-in 0.2s ease-out; }
  .spot { transition: 0.2s; }
  .beacon::after { animation: so-pulse 1.8s infinite; }
}
@keyframes so-in { from { opacity: 0; translate: 0 6px; } }
@keyframes so-pulse { from { scale: 0.6; opacity: 0.8; } to { scale: 1.6; opacity: 0; } }
`;

/**
 * A small but realistic app page (a creator studio's dashboard) with one widget mounted, chosen by the
 * query string: `?widget=tour&theme=dark`. The accessibility scan and the screenshots both use it.
 */
export const WIDGETS = ['tour', 'checklist', 'hint', 'help-panel', 'nudge', 'progress'] as const;

const app = `
<header class="top"><strong>Studio</strong><nav><a href="#">Dashboard</a><a href="#">Calendar</a><a href="#">Analytics</a></nav></header>
<main>
  <h1>Good morning, Ada</h1>
  <div id="progress-slot"></div>
  <section class="grid">
    <article class="panel"><h2>Connected accounts</h2><p>Instagram, LinkedIn</p><button id="connect">Connect account</button></article>
    <article class="panel"><h2>Next post</h2><p>Launch teaser, draft</p><button id="schedule">Schedule</button></article>
    <article class="panel"><h2>Goals</h2><p>Grow reach by 20% this quarter.</p><button id="goals">Edit goals</button></article>
  </section>
</main>`;

const styles = `<style>
:root { color-scheme: light dark; --page: #f5f6fa; --ink: #1d2130; --line: #dfe2ea; --panel: #fff; }
@media (prefers-color-scheme: dark) { :root { --page: #111318; --ink: #e6e8ee; --line: #2b2f3a; --panel: #181b22; } }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, sans-serif; background: var(--page); color: var(--ink); }
.top { display: flex; gap: 24px; align-items: center; padding: 14px 28px; background: var(--panel); border-bottom: 1px solid var(--line); }
.top nav { display: flex; gap: 16px; } .top a { color: inherit; text-decoration: none; }
main { padding: 24px 28px; max-width: 980px; }
h1 { font-size: 22px; margin: 0 0 16px; }
#progress-slot { max-width: 360px; margin-bottom: 20px; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 16px; }
.panel { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 16px; }
.panel h2 { font-size: 15px; margin: 0 0 4px; } .panel p { margin: 0 0 12px; }
.panel button { font: inherit; padding: 7px 12px; border-radius: 7px; border: 1px solid var(--line); background: var(--page); color: inherit; }
</style>`;

const mountScript = `
const params = new URLSearchParams(location.search);
const theme = params.get('theme') || 'auto';
const widget = params.get('widget');
const W = window.SmartOnboardingWidgets;
window.ready = false;
const done = () => { window.ready = true; };
if (widget === 'tour') W.mountTour({ theme, onShown: done, steps: [
  { id: 'connect', title: 'Connect your first account', body: 'Bring in Instagram, LinkedIn or X so we can schedule for you.', target: { selector: '#connect' }, goal: { kind: 'click' } },
  { id: 'schedule', title: 'Schedule a post', body: 'Pick a time your audience is online.', target: { selector: '#schedule' } },
  { id: 'goals', title: 'Set your goals', target: { selector: '#goals' } }] });
if (widget === 'checklist') { W.mountChecklist({ theme, title: 'Set up your studio', onShown: done, onItemClick: () => {}, items: [
  { id: 'connect', title: 'Connect an account', done: true },
  { id: 'goals', title: 'Set your goals', description: 'Takes two minutes.' },
  { id: 'post', title: 'Schedule your first post' },
  { id: 'invite', title: 'Invite a teammate', optional: true }] }); }
if (widget === 'hint') W.mountHint({ theme, target: '#schedule', title: 'Schedule for later', body: 'Posts go out at the best time for your audience.', open: true, onShown: () => setTimeout(done, 50) });
if (widget === 'help-panel') W.mountHelpPanel({ theme, title: 'How do I schedule a post?', onShown: done, help: { id: 'h1', source: 'generated', targetSelector: '#schedule',
  text: 'Open the post, then press **Schedule**.\\n\\n1. Pick a date and time\\n2. Choose the accounts\\n3. Press \`Schedule\` to confirm\\n\\nYou can change the time until it goes out.',
  sources: [{ articleId: 'a1', title: 'Scheduling posts', url: 'https://help.example.com/scheduling' }, { articleId: 'a2', title: 'Best times to post' }] } });
if (widget === 'nudge') W.mountNudge({ theme, onShown: done, plan: { id: 'p1', kind: 'ai_help', title: 'Having trouble scheduling?', body: 'It looks like Schedule is not doing what you expect. Want a quick walkthrough?', reason: 'rage_click', holdout: false, createdAt: 1, target: { selector: '#schedule' } } });
if (widget === 'progress') { W.mountProgress({ theme, done: 2, total: 5, label: 'Studio setup' }, { container: document.querySelector('#progress-slot') }); done(); }
`;

export function showcasePage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Studio</title>${styles}</head><body>${app}
<script src="/dist/widgets.iife.js"></script>
<script src="/node_modules/axe-core/axe.min.js"></script>
<script>${mountScript}</script></body></html>`;
}

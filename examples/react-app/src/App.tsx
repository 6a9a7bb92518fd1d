import { loadState, saveState } from '@smart-onboarding/example-shared';
import { type SdkEvents, SmartOnboarding } from '@smart-onboarding/sdk';
import { Checklist, Hint, Nudge, Progress } from '@smart-onboarding/widgets/react';
import { type FormEvent, useEffect, useState } from 'react';
import { checklistItems, STEPS, type StepId } from './steps';
import { NARROW_SCREEN, useMediaQuery } from './use-media-query';

type InterventionPlan = SdkEvents['intervention'];

const INTEGRATIONS = ['Slack', 'GitHub', 'Linear'] as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Where each step happens in the page: the checklist scrolls there and focuses the first control. */
const SECTION: Record<StepId, string> = {
  'invite-teammates': '#invite',
  'create-project': '#projects',
  'connect-integration': '#integrations',
};

function focusSection(stepId: StepId) {
  const section = document.querySelector(SECTION[stepId]);
  section?.scrollIntoView({ block: 'center' });
  section?.querySelector<HTMLElement>('input, button')?.focus({ preventScroll: true });
}

/** What the workspace keeps across reloads. */
interface SavedWorkspace {
  done: StepId[];
  teammates: string[];
  projects: string[];
  connected: string[];
}
const SAVED_KEY = 'teamspace:workspace:v1';
const EMPTY: SavedWorkspace = { done: [], teammates: [], projects: [], connected: [] };

/** A team workspace whose first-run setup is driven by Smart Onboarding's widgets. */
export function App() {
  const [saved] = useState(() => loadState(SAVED_KEY, EMPTY));
  const [done, setDone] = useState<ReadonlySet<StepId>>(() => new Set(saved.done));
  const [teammates, setTeammates] = useState<string[]>(saved.teammates);
  const [inviteError, setInviteError] = useState('');
  const [projects, setProjects] = useState<string[]>(saved.projects);
  const [connected, setConnected] = useState<ReadonlySet<string>>(() => new Set(saved.connected));
  const [plan, setPlan] = useState<InterventionPlan | null>(null);
  const [checklistOpen, setChecklistOpen] = useState(true);
  const narrow = useMediaQuery(NARROW_SCREEN);

  useEffect(() => SmartOnboarding.on('intervention', setPlan), []);
  useEffect(() => {
    saveState(SAVED_KEY, { done: [...done], teammates, projects, connected: [...connected] });
  }, [done, teammates, projects, connected]);

  const complete = (id: StepId, properties?: Record<string, string | number>) => {
    const step = STEPS.find((s) => s.id === id);
    if (step) SmartOnboarding.track(step.goal, properties);
    setDone((prev) => (prev.has(id) ? prev : new Set(prev).add(id)));
  };

  const invite = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const input = e.currentTarget.elements.namedItem('email') as HTMLInputElement;
    const email = input.value.trim();
    if (!EMAIL.test(email)) {
      setInviteError('Enter an email address, like ada@example.com.');
      return;
    }
    setInviteError('');
    setTeammates((t) => [...t, email]);
    input.value = '';
    complete('invite-teammates', { count: teammates.length + 1 });
  };

  const createProject = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const input = e.currentTarget.elements.namedItem('project') as HTMLInputElement;
    const name = input.value.trim() || `Project ${projects.length + 1}`;
    setProjects((p) => [...p, name]);
    input.value = '';
    complete('create-project');
  };

  const connect = (provider: string) => {
    setConnected((c) => new Set(c).add(provider));
    complete('connect-integration', { provider: provider.toLowerCase() });
  };

  // On phones the checklist sits in the page, under the heading, instead of covering it.
  const checklist = checklistOpen && (
    <Checklist
      placement={narrow ? 'inline' : 'bottom-right'}
      title="Set up your workspace"
      items={checklistItems(done)}
      onItemClick={(item) => focusSection(item.id as StepId)}
      onComplete={() => SmartOnboarding.track('workspace_setup_completed')}
      onDismiss={() => setChecklistOpen(false)}
    />
  );

  return (
    <div className="shell">
      <header className="top">
        <strong className="brand">Teamspace</strong>
        <div className="setup">
          <Progress done={done.size} total={STEPS.length} label="Workspace setup" />
        </div>
      </header>

      <main>
        <h1>Welcome to your workspace</h1>
        <p className="lede">Three things and your team is ready to go.</p>
        {narrow && checklist}

        <section id="invite" className="card">
          <h2>Invite teammates</h2>
          <form onSubmit={invite} noValidate>
            <label htmlFor="invite-email">Email</label>
            <div className="row">
              <input
                id="invite-email"
                name="email"
                type="email"
                placeholder="ada@example.com"
                aria-invalid={inviteError ? true : undefined}
                aria-describedby="invite-error"
              />
              <button id="invite-submit" type="submit">
                Send invite
              </button>
            </div>
            <p id="invite-error" className="error" role="alert">
              {inviteError}
            </p>
          </form>
          {teammates.length > 0 && (
            <ul className="list" aria-label="Invited">
              {teammates.map((t) => (
                <li key={t}>{t} · invited</li>
              ))}
            </ul>
          )}
        </section>

        <section id="projects" className="card">
          <h2>Projects</h2>
          <form onSubmit={createProject}>
            <label htmlFor="project-name">Project name</label>
            <div className="row">
              <input id="project-name" name="project" placeholder="Website relaunch" />
              <button id="create-project" type="submit">
                Create project
              </button>
            </div>
          </form>
          {projects.length > 0 && (
            <ul className="list" aria-label="Your projects">
              {projects.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </section>

        <section id="integrations" className="card">
          <h2>Integrations</h2>
          <div className="row">
            {INTEGRATIONS.map((name) => (
              <button
                key={name}
                id={`connect-${name.toLowerCase()}`}
                type="button"
                className="secondary"
                aria-pressed={connected.has(name)}
                onClick={() => connect(name)}
              >
                {connected.has(name) ? `${name} connected` : `Connect ${name}`}
              </button>
            ))}
            {/* Deliberately confusing: it looks like the others but is locked on this plan, and says so
                only in a tooltip. Users click it again and again; the edge answers with a nudge. */}
            <button
              id="connect-jira"
              type="button"
              className="secondary locked"
              aria-disabled="true"
              title="Jira is on the Business plan"
            >
              Connect Jira
            </button>
          </div>
        </section>
      </main>

      <Hint
        target="#connect-slack"
        title="Bring your tools in"
        body="Connect Slack, GitHub or Linear and updates land in your projects by themselves."
      />
      {!narrow && checklist}
      {plan && (
        <Nudge
          plan={plan}
          onAccept={(p) => {
            SmartOnboarding.track('nudge_accepted', { plan: p.id, kind: p.kind });
            if (p.stepId && p.stepId in SECTION) focusSection(p.stepId as StepId);
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

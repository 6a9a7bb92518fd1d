import type { SessionResponse } from '@smart-onboarding/protocol';
import { useEffect, useRef, useState } from 'preact/hooks';
import { forgetTeam } from './actors';
import { ApiFailure, describeFailure, request, setCsrfToken } from './api';
import { Notice } from './fields';
import { type FlowTab, hrefOf, parseRoute, type Route } from './route';
import { Analytics } from './screens/analytics';
import { Audit } from './screens/audit';
import { DraftEditor } from './screens/draft-editor';
import { Experiments } from './screens/experiments';
import { Flows } from './screens/flows';
import { Help } from './screens/help';
import { History } from './screens/history';
import { Keys } from './screens/keys';
import { Members } from './screens/members';
import { AcceptInvitation, SignIn } from './screens/sign-in';
import { Targeting } from './screens/targeting';
import { confirmLeave } from './unsaved';

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    let current = location.hash;
    const onHash = () => {
      // Staying put puts the old hash back, so the address bar matches the screen still shown.
      if (!confirmLeave()) return history.replaceState(null, '', current || location.pathname);
      current = location.hash;
      setRoute(parseRoute(current));
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

const TITLES: Record<Exclude<Route['screen'], 'flow' | 'accept'>, string> = {
  flows: 'Flows',
  keys: 'Keys and origins',
  members: 'Team',
  audit: 'Audit log',
  help: 'Help articles',
  experiments: 'Experiments',
};

function NavLink({ to, current, children }: { to: Route; current: boolean; children: string }) {
  return (
    <a href={hrefOf(to)} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}

function FlowScreen({ route }: { route: Extract<Route, { screen: 'flow' }> }) {
  const [published, setPublished] = useState(0);
  const tab = (t: FlowTab, label: string) => (
    <NavLink to={{ ...route, tab: t }} current={route.tab === t}>
      {label}
    </NavLink>
  );
  return (
    <>
      <nav class="tabs" aria-label="Flow">
        {tab('draft', 'Draft')}
        {tab('history', 'History')}
        {tab('targeting', 'Targeting')}
        {tab('analytics', 'Analytics')}
      </nav>
      {route.tab === 'draft' && (
        <DraftEditor flowId={route.flowId} onPublished={() => setPublished(published + 1)} />
      )}
      {route.tab === 'history' && <History flowId={route.flowId} />}
      {route.tab === 'targeting' && <Targeting flowId={route.flowId} />}
      {route.tab === 'analytics' && <Analytics flowId={route.flowId} />}
    </>
  );
}

/** The console: the session first (sign in when there is none), then the screen the hash names. */
export function App() {
  const route = useRoute();
  const [session, setSession] = useState<SessionResponse | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    request<SessionResponse>('GET', '/v1/admin/session').then(
      ({ data }) => adopt(data),
      (err) => {
        if (!(err instanceof ApiFailure && err.status === 401)) setError(describeFailure(err));
        setSession(null);
      },
    );
  }, []);
  // A new screen moves focus to its heading, so keyboard and screen-reader users start there.
  useEffect(() => heading.current?.focus(), [hrefOf(route)]);

  const adopt = (s: SessionResponse | null) => {
    setCsrfToken(s?.csrfToken ?? '');
    forgetTeam();
    setSession(s);
  };
  const signOut = async () => {
    await request('DELETE', '/v1/admin/session').catch(() => {});
    adopt(null);
  };

  if (route.screen === 'accept') return <AcceptInvitation tenantId={route.tenantId} token={route.token} />;
  if (session === undefined) return <p>Loading…</p>;
  if (session === null)
    return (
      <>
        {error && <Notice kind="error">{error}</Notice>}
        <SignIn onSignedIn={adopt} />
      </>
    );

  const screen = route.screen;
  const title = screen === 'flow' ? `Flow ${route.flowId}` : TITLES[screen];
  return (
    <>
      <button type="button" class="skip" onClick={() => heading.current?.focus()}>
        Skip to content
      </button>
      <header class="top">
        <strong>Smart Onboarding</strong>
        <nav aria-label="Console">
          <NavLink to={{ screen: 'flows' }} current={screen === 'flows' || screen === 'flow'}>
            Flows
          </NavLink>
          <NavLink to={{ screen: 'experiments' }} current={screen === 'experiments'}>
            Experiments
          </NavLink>
          <NavLink to={{ screen: 'keys' }} current={screen === 'keys'}>
            Keys
          </NavLink>
          <NavLink to={{ screen: 'members' }} current={screen === 'members'}>
            Team
          </NavLink>
          <NavLink to={{ screen: 'help' }} current={screen === 'help'}>
            Help
          </NavLink>
          <NavLink to={{ screen: 'audit' }} current={screen === 'audit'}>
            Audit log
          </NavLink>
        </nav>
        <span class="who">
          {session.member.email} ({session.member.role}, team {session.tenantId})
        </span>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main id="main">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {screen === 'flows' && <Flows />}
        {screen === 'flow' && <FlowScreen key={route.flowId} route={route} />}
        {screen === 'keys' && <Keys />}
        {screen === 'members' && <Members tenantId={session.tenantId} selfId={session.member.id} />}
        {screen === 'audit' && <Audit />}
        {screen === 'help' && <Help />}
        {screen === 'experiments' && <Experiments />}
      </main>
    </>
  );
}

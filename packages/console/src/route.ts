/**
 * The console's screens, addressed by the URL's hash (`/console/#/flows/onboarding/history`): the edge
 * serves one page at /console, so no server route has to know the console's screens.
 */
export type Route =
  | { screen: 'flows' }
  | { screen: 'flow'; flowId: string; tab: FlowTab }
  | { screen: 'experiments' }
  | { screen: 'keys' }
  | { screen: 'members' }
  | { screen: 'audit' }
  | { screen: 'help' }
  | { screen: 'accept'; tenantId: string; token: string };

export type FlowTab = 'draft' | 'history' | 'targeting' | 'analytics';

const TABS = new Set(['draft', 'history', 'targeting', 'analytics']);
const SLUG = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** Reads a hash; anything unknown is the flows list (never an error page for a stale bookmark). */
export function parseRoute(hash: string): Route {
  const [pathPart = '', query = ''] = hash.replace(/^#/, '').split('?');
  const parts = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third] = parts;
  if (first === 'flows' && second && SLUG.test(second)) {
    const tab = third && TABS.has(third) ? (third as FlowTab) : 'draft';
    return { screen: 'flow', flowId: second, tab };
  }
  if (
    first === 'keys' ||
    first === 'members' ||
    first === 'audit' ||
    first === 'help' ||
    first === 'experiments'
  )
    return { screen: first };
  if (first === 'accept') {
    const params = new URLSearchParams(query);
    return { screen: 'accept', tenantId: params.get('tenant') ?? '', token: params.get('token') ?? '' };
  }
  return { screen: 'flows' };
}

/** The hash of a route, the inverse of `parseRoute`. */
export function hrefOf(route: Route): string {
  switch (route.screen) {
    case 'flow':
      return `#/flows/${encodeURIComponent(route.flowId)}${route.tab === 'draft' ? '' : `/${route.tab}`}`;
    case 'accept':
      return `#/accept?${new URLSearchParams({ tenant: route.tenantId, token: route.token })}`;
    default:
      return `#/${route.screen}`;
  }
}

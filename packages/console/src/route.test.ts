import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute, type Route } from './route';

describe('parseRoute', () => {
  it.each<[string, Route]>([
    ['', { screen: 'flows' }],
    ['#/flows', { screen: 'flows' }],
    ['#/flows/onboarding', { screen: 'flow', flowId: 'onboarding', tab: 'draft' }],
    ['#/flows/onboarding/history', { screen: 'flow', flowId: 'onboarding', tab: 'history' }],
    ['#/flows/onboarding/targeting', { screen: 'flow', flowId: 'onboarding', tab: 'targeting' }],
    ['#/flows/onboarding/nonsense', { screen: 'flow', flowId: 'onboarding', tab: 'draft' }],
    ['#/flows/onboarding/analytics', { screen: 'flow', flowId: 'onboarding', tab: 'analytics' }],
    ['#/experiments', { screen: 'experiments' }],
    ['#/keys', { screen: 'keys' }],
    ['#/members', { screen: 'members' }],
    ['#/audit', { screen: 'audit' }],
    ['#/help', { screen: 'help' }],
    ['#/accept?tenant=demo&token=abc', { screen: 'accept', tenantId: 'demo', token: 'abc' }],
    // Not a slug: never passed on to an API path.
    ['#/flows/..%2Fkeys', { screen: 'flows' }],
    ['#/flows/Upper', { screen: 'flows' }],
    ['#/whatever', { screen: 'flows' }],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('round-trips every route through its href', () => {
    const routes: Route[] = [
      { screen: 'flows' },
      { screen: 'flow', flowId: 'a-b_c', tab: 'draft' },
      { screen: 'flow', flowId: 'x', tab: 'history' },
      { screen: 'flow', flowId: 'x', tab: 'analytics' },
      { screen: 'experiments' },
      { screen: 'keys' },
      { screen: 'accept', tenantId: 't1', token: 'to/k en' },
    ];
    for (const r of routes) expect(parseRoute(hrefOf(r))).toEqual(r);
  });
});

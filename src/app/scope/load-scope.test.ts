// Each role's scope, from a principal as the edge builds it: which records, whether third parties
// show, whether a number may be revealed. Every role of the role table appears once, so a role
// added without a scope fails here (and the switch's exhaustiveness fails the type check).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Principal } from '../../domain/people/principal.ts';
import { TOKEN_ROLES, type Role } from '../../domain/people/roles.ts';
import { loadScope, type DataScope } from './load-scope.ts';

const today = '2026-03-10';
const user = (role: Role, teamId: string | null, agencyId: string | null = null): Principal => ({
  kind: 'user', userId: '1', username: 'someone', displayName: 'Someone', role, teamId, agencyId,
});
const token = (role: Role): Principal => ({
  kind: 'token', tokenId: '1', name: 'feed', role, teamId: null, agencyId: null,
});
const everything = (mayRevealNumbers: boolean): DataScope =>
  ({ records: { kind: 'all' }, thirdParties: 'shown', mayRevealNumbers });
const team = (teamId: string): DataScope =>
  ({ records: { kind: 'team', teamId }, thirdParties: 'shown', mayRevealNumbers: false });

test('each role reads its own part of the portfolio', () => {
  const cases: [string, Principal, DataScope][] = [
    ['admin', user('admin', null), everything(true)],
    ['manager', user('manager', null), everything(false)],
    ['compliance_officer', user('compliance_officer', null), everything(true)],
    ['supervisor', user('supervisor', 'east'), team('east')],
    ['collector', user('collector', 'east'), team('east')],
    ['field_collector', user('field_collector', 'west'), team('west')],
    ['collector without a team', user('collector', null),
      { records: { kind: 'none' }, thirdParties: 'shown', mayRevealNumbers: false }],
    ['agency_collector', user('agency_collector', null, 'acme'), {
      records: { kind: 'agency', agencyId: 'acme', today }, thirdParties: 'per_placement',
      mayRevealNumbers: false,
    }],
    ['system', token('system'), everything(false)],
    ['dialler', token('dialler'), everything(false)],
  ];
  for (const [name, principal, scope] of cases) assert.deepEqual(loadScope(principal, today), scope, name);
  const covered = new Set(cases.map(([, principal]) => principal.role));
  assert.deepEqual(TOKEN_ROLES.filter((role) => !covered.has(role)), [], 'every role has a case');
});

test('an agency collector without an agency is a bug, not an empty scope', () => {
  assert.throws(() => loadScope(user('agency_collector', null, null), today));
});

// The role × route matrix: every registered route, called with no credentials and as every role
// (a token of each), answers exactly as the role table says: 401 (or a redirect to sign-in for a
// page) without credentials, 403 for a role that lacks the route's permission, never 403 for one
// that has it. The expected answers come from ROLE_PERMISSIONS, not from the routes, so a route
// that declares a looser permission than its neighbours is caught only by review; a route that
// declares none cannot be registered at all (the second test).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.ts';
import { grants, TOKEN_ROLES, type Permission } from '../../domain/people/roles.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { createStaffAccess, type StaffAccess } from '../../../test/support/staff-access.ts';
import { buildApp, registeredRoutes } from '../app.ts';

let db: Db;
let app: FastifyInstance;
let access: StaffAccess;

before(async () => {
  db = await openTestDatabase();
  app = await buildApp({ db });
  access = await createStaffAccess(db);
});
after(async () => {
  await app.close();
  await db.close();
});

/** A URL for the route with its parameters filled in. */
function urlOf(url: string): string {
  return url.replace(/:(\w+)/g, (_match, name: string) => (name === 'id' ? '1' : 'X1'));
}

test('every route answers each role as the role table says, and nobody without credentials', async () => {
  const routes = registeredRoutes(app);
  assert.ok(routes.length >= 20, `only ${routes.length} routes`);
  const leaks: string[] = [];
  for (const route of routes) {
    const permission = route.permission;
    assert.ok(permission !== undefined, `${route.method} ${route.url} declares no permission`);
    const url = urlOf(route.url);
    const anonymous = await app.inject({
      method: route.method as 'GET', url, payload: route.method === 'GET' ? undefined : {},
    });
    if (permission !== 'public') {
      const expected = route.method === 'GET' && !url.startsWith('/api/') ? 303 : 401;
      if (anonymous.statusCode !== expected) {
        leaks.push(`${route.method} ${route.url} anonymous: ${anonymous.statusCode}`);
      }
    }
    for (const role of TOKEN_ROLES) {
      const response = await app.inject({
        method: route.method as 'GET', url, headers: access.headers(role),
        payload: route.method === 'GET' ? undefined : {},
      });
      const allowed = grants(role, permission as Permission);
      if (!allowed && response.statusCode !== 403) {
        leaks.push(`${route.method} ${route.url} as ${role}: ${response.statusCode}`);
      }
      if (allowed && response.statusCode === 403 && response.json().error.reason === 'permission_denied') {
        leaks.push(`${route.method} ${route.url} as ${role}: refused though granted`);
      }
      assert.ok(response.statusCode < 500,
        `${route.method} ${route.url} as ${role}: ${response.statusCode} ${response.body}`);
    }
  }
  assert.deepEqual(leaks, []);
});

test('a route that declares no permission cannot be registered', async () => {
  const bare = await buildApp({ db });
  assert.throws(() => bare.get('/undeclared', async () => 'open'), /declares no permission/);
  await bare.close();
});

import { DEMO_PASSWORD, DEMO_TOKENS, DEMO_USERS } from '../app/identity/ensure-demo-people.ts';

/**
 * The demo's sign-in lines: where to sign in, and the demo users, one per role, with their shared
 * password. A demo only: a real installation adds its people with `faircollect user add`.
 */
export function describeDemoSignIn(origin: string): string {
  const width = Math.max(...DEMO_USERS.map((user) => user.username.length));
  const users = DEMO_USERS.map((user) =>
    `  ${user.username.padEnd(width)}  ${user.role.padEnd(18)}  ${user.displayName}\n`);
  const tokens = DEMO_TOKENS.map((token) =>
    `  ${token.name} (${token.role}): Authorization: Bearer ${token.token}\n`);
  return `Sign in at ${origin}/sign-in with one of the demo users (password: ${DEMO_PASSWORD}):\n`
    + `${users.join('')}Demo API tokens:\n${tokens.join('')}`;
}

import type { Command } from 'commander';
import { UsageError } from '../usage-error.ts';
import { cliAuditContext } from '../cli-audit-context.ts';
import { withDatabase } from '../with-database.ts';

/**
 * `faircollect token create|revoke|list`: API tokens for systems (a dialler, the core-banking
 * feed). `create` prints the token once, on standard output alone, so `TOKEN=$(faircollect token
 * create …)` captures it; the database keeps only its hash.
 */
export function register(program: Command): void {
  const token = program.command('token').description('Create, list and revoke API tokens for systems.');
  token
    .command('create')
    .description('Create a token and print it (once). Sent as "Authorization: Bearer <token>".')
    .requiredOption('--name <name>', 'a name to tell it apart, e.g. core-banking-feed')
    .requiredOption('--role <role>', 'system (feeds: portfolio and payments), dialler (checks, reservations, '
      + 'outcomes for named agents), or a staff role')
    .option('--team <team id>', 'the team a collector-role token works for')
    .option('--agency <agency id>', 'the agency of an agency_collector token')
    .option('--expires <instant>', 'when it stops working (RFC 3339, e.g. 2027-01-01T00:00:00Z); '
      + 'default never')
    .action(async (options: {
      name: string; role: string; team?: string; agency?: string; expires?: string;
    }) => {
      const expiresAt = parseExpiry(options.expires);
      const { createToken } = await import('../../app/identity/create-token.ts');
      const { systemClock } = await import('../../stdx/clock.ts');
      await withDatabase(async (db) => {
        const created = await createToken({
          db, name: options.name, role: options.role, teamId: options.team ?? null,
          agencyId: options.agency ?? null, expiresAt, createdBy: 'cli', now: systemClock.now(),
          audit: cliAuditContext(),
        });
        if (!created.ok) throw new UsageError(`token ${options.name}: ${created.reason}`);
        process.stderr.write(`created token ${options.name} (${options.role}); `
          + 'it is shown once, keep it now:\n');
        process.stdout.write(`${created.token}\n`);
      });
    });
  token
    .command('revoke <name>')
    .description('Revoke a token: it stops working at once.')
    .action(async (name: string) => {
      const { revokeToken } = await import('../../app/identity/revoke-token.ts');
      const { systemClock } = await import('../../stdx/clock.ts');
      await withDatabase(async (db) => {
        const done = await revokeToken({ db, name, now: systemClock.now(), audit: cliAuditContext() });
        if (!done.ok) throw new UsageError(`token ${name}: ${done.reason}`);
        process.stdout.write(`revoked ${name}\n`);
      });
    });
}

function parseExpiry(text: string | undefined): Date | null {
  if (text === undefined) return null;
  const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)
    ? new Date(text)
    : null;
  if (instant === null || Number.isNaN(instant.getTime())) {
    throw new UsageError(`--expires ${text}: not an instant; write e.g. 2027-01-01T00:00:00Z`);
  }
  return instant;
}

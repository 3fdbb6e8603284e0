import type { Command } from 'commander';
import { UsageError } from '../usage-error.ts';
import { cliAuditContext } from '../cli-audit-context.ts';
import { withDatabase } from '../with-database.ts';
import { readSecretFromStdin } from '../read-secret-from-stdin.ts';

type AddOptions = { role: string; name?: string; team?: string; agency?: string; capacity?: number };

/**
 * `faircollect user add|list|disable|reset-password`: the staff who sign in to the console. A
 * password is read from standard input, never from the command line (where `ps` and the shell's
 * history would keep it). Refusals exit 2 with their reason.
 */
export function register(program: Command): void {
  const user = program.command('user')
    .description('Add, list, disable staff users and reset their passwords.');
  user
    .command('add <username>')
    .description('Add a staff user; the password is read from standard input (first line).')
    .requiredOption('--role <role>', 'admin, manager, supervisor, collector, field_collector, '
      + 'agency_collector or compliance_officer')
    .option('--name <display name>', 'the name shown on pages (default: the username)')
    .option('--team <team id>', 'the team (created when it does not exist yet)')
    .option('--agency <agency id>', 'the agency of an agency collector')
    .option('--capacity <cases>', 'open cases the assignment may give them', parseCapacity)
    .action(async (username: string, options: AddOptions) => {
      const password = await readSecretFromStdin('password');
      const { addUser } = await import('../../app/identity/add-user.ts');
      const { ensureTeam } = await import('../../app/identity/ensure-team.ts');
      const { systemClock } = await import('../../stdx/clock.ts');
      await withDatabase(async (db) => {
        if (options.team !== undefined) {
          const team = await ensureTeam({ db, teamId: options.team });
          if (!team.ok) throw new UsageError(`--team ${options.team}: ${team.reason}`);
        }
        const added = await addUser({
          db, username, displayName: options.name ?? username, role: options.role,
          teamId: options.team ?? null, agencyId: options.agency ?? null, password, audit: cliAuditContext(),
          now: systemClock.now(), ...(options.capacity === undefined ? {} : { capacity: options.capacity }),
        });
        if (!added.ok) throw new UsageError(`user ${username}: ${added.reason}`);
        process.stdout.write(`added ${username} (${options.role})\n`);
      });
    });
  user
    .command('list')
    .description('List staff users: username, role, team, agency, state.')
    .action(async () => {
      const { listUsers } = await import('../../app/identity/list-users.ts');
      await withDatabase(async (db) => {
        for (const row of await listUsers(db)) {
          process.stdout.write(`${row.username}\t${row.role}\t${row.teamId ?? '-'}\t${row.agencyId ?? '-'}\t`
            + `${row.disabled ? 'disabled' : 'active'}\t${row.displayName}\n`);
        }
      });
    });
  user
    .command('disable <username>')
    .description('Disable a user: they cannot sign in, and their sessions end now.')
    .action(async (username: string) => {
      const { disableUser } = await import('../../app/identity/disable-user.ts');
      const { systemClock } = await import('../../stdx/clock.ts');
      await withDatabase(async (db) => {
        const done = await disableUser({ db, username, now: systemClock.now(), audit: cliAuditContext() });
        if (!done.ok) throw new UsageError(`user ${username}: ${done.reason}`);
        process.stdout.write(`disabled ${username}; ended ${done.sessionsEnded} session(s)\n`);
      });
    });
  user
    .command('reset-password <username>')
    .description('Set a new password (read from standard input); the user\'s sessions end now.')
    .action(async (username: string) => {
      const password = await readSecretFromStdin('password');
      const { resetPassword } = await import('../../app/identity/reset-password.ts');
      const { systemClock } = await import('../../stdx/clock.ts');
      await withDatabase(async (db) => {
        const now = systemClock.now();
        const done = await resetPassword({ db, username, password, now, audit: cliAuditContext() });
        if (!done.ok) throw new UsageError(`user ${username}: ${done.reason}`);
        process.stdout.write(`password of ${username} reset; their sessions ended\n`);
      });
    });
}

function parseCapacity(value: string): number {
  return parseCount(value, '--capacity');
}

function parseCount(value: string, option: string): number {
  if (!/^\d{1,5}$/.test(value)) throw new UsageError(`${option} must be a whole number from 0 to 10000`);
  const count = Number(value);
  if (count > 10_000) throw new UsageError(`${option} must be a whole number from 0 to 10000`);
  return count;
}

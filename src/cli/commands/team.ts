import type { Command } from 'commander';
import { UsageError } from '../usage-error.ts';
import { cliAuditContext } from '../cli-audit-context.ts';
import { withDatabase } from '../with-database.ts';

/**
 * `faircollect team add|list|supervisor`: the teams collectors work in, each led by a supervisor.
 * A team's cases go to its collectors; its supervisor sees its board and reassigns its cases.
 */
export function register(program: Command): void {
  const team = program.command('team')
    .description('Add and list teams, and set the supervisor who leads one.');
  team
    .command('add <id>')
    .description('Add a team (an id of lower-case letters, digits, - and _).')
    .option('--name <name>', 'the name shown on pages (default: the id)')
    .action(async (id: string, options: { name?: string }) => {
      const { ensureTeam } = await import('../../app/identity/ensure-team.ts');
      await withDatabase(async (db) => {
        const name = options.name === undefined ? {} : { name: options.name };
        const added = await ensureTeam({ db, teamId: id, ...name });
        if (!added.ok) throw new UsageError(`team ${id}: ${added.reason}`);
        process.stdout.write(added.created ? `added team ${id}\n` : `team ${id} exists already\n`);
      });
    });
  team
    .command('supervisor <id> <username>')
    .description('Make a supervisor of the team (already on it: `user add … --role supervisor '
      + '--team <id>`) its leader.')
    .action(async (id: string, username: string) => {
      const { setTeamSupervisor } = await import('../../app/identity/set-team-supervisor.ts');
      const { systemClock } = await import('../../stdx/clock.ts');
      await withDatabase(async (db) => {
        const done = await setTeamSupervisor({
          db, teamId: id, username, audit: cliAuditContext(), now: systemClock.now(),
        });
        if (!done.ok) throw new UsageError(`team ${id}: ${done.reason}`);
        process.stdout.write(`${username} now leads team ${id}\n`);
      });
    });
  team
    .command('list')
    .description('List teams: id, supervisor, members, name.')
    .action(async () => {
      const { listTeams } = await import('../../app/identity/list-teams.ts');
      await withDatabase(async (db) => {
        for (const row of await listTeams(db)) {
          process.stdout.write(`${row.id}\t${row.supervisor ?? '-'}\t${row.members}\t${row.name}\n`);
        }
      });
    });
}

import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('migrate')
    .description('Create or update the database schema (PGlite in FAIRCOLLECT_DATA_DIR, or DATABASE_URL).')
    .action(async () => {
      const { loadConfig } = await import('../load-config.ts');
      const { connectDatabase } = await import('../../db/open-database.ts');
      const { migrate } = await import('../../db/migrate.ts');
      const db = await connectDatabase(loadConfig());
      try {
        for (const status of await migrate(db)) process.stdout.write(`${status.id}: ${status.status}\n`);
      } finally {
        await db.close();
      }
    });
}

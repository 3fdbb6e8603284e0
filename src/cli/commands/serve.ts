import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('serve')
    .description('Serve the API (/api/v1, /api/openapi.json) and the console (/console) '
      + 'on the configured database, at HOST (default 127.0.0.1; the API has no sign-in yet), deciding '
      + 'under the lender\'s settings in FAIRCOLLECT_SETTINGS.')
    .option('--port <port>', 'port (default: PORT or 3000)')
    .action(async (options: { port?: string }) => {
      const { loadConfig } = await import('../load-config.ts');
      const { serve } = await import('../serve-http.ts');
      await serve(loadConfig(), options.port);
    });
}

import type { Command } from 'commander';

/**
 * `faircollect audit verify`: recomputes the audit trail's hash chain from its first event and
 * names the first broken link. Exit 0 when the chain is whole (printing the count and the head,
 * the last event's seq and hash, which an operator keeps elsewhere: events cut off the end of a
 * chain leave no gap in what remains), 1 when a link is broken, 2 on bad usage or a database that
 * cannot be opened.
 */
export function register(program: Command): void {
  const audit = program.command('audit').description('Check the audit trail.');
  audit
    .command('verify')
    .description('Recompute the audit trail\'s hash chain and name the first broken link (exit 0 whole, '
      + '1 broken).')
    .action(async () => {
      const { loadConfig } = await import('../load-config.ts');
      const { openDatabase } = await import('../../db/open-database.ts');
      const { verifyAuditChain } = await import('../../app/audit/verify-audit-chain.ts');
      const db = await openDatabase(loadConfig());
      try {
        const verdict = await verifyAuditChain(db);
        if (verdict.ok) {
          const head = verdict.head === null ? 'the trail is empty'
            : `head: seq ${verdict.head.seq}, hash ${verdict.head.hash}`;
          process.stdout.write(`audit chain intact: ${verdict.count} events; ${head}\n`);
          return;
        }
        process.stdout.write(`audit chain broken at event ${verdict.eventId} (seq ${verdict.seq}): `
          + `${DESCRIPTIONS[verdict.problem](verdict.expected, verdict.found)}; `
          + `${verdict.verifiedCount} events before it verified\n`);
        process.exitCode = 1;
      } finally {
        await db.close();
      }
    });
}

const DESCRIPTIONS = {
  seq_mismatch: (expected: string, found: string) =>
    `its seq is ${found} where ${expected} was due, so event seq ${expected} is missing or was renumbered`,
  prev_hash_mismatch: (expected: string, found: string) =>
    `its prev_hash ${found} is not the hash ${expected} of the event before it, which was rewritten`,
  hash_mismatch: (expected: string, found: string) =>
    `its content hashes to ${expected}, not to its stored hash ${found}, so it was edited`,
} as const;

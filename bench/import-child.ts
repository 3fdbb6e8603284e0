// Imports the given files into the database named by the environment and prints one JSON line:
// rows, seconds and this process's peak resident memory. Run as a child so the peak is the import's.
import { openDatabase } from '../src/db/open-database.ts';
import { readConfig } from '../src/config/config.ts';
import { importFile } from '../src/app/import/import-file.ts';

const config = readConfig();
if (!config.ok) throw new Error(config.reason);
const db = await openDatabase(config.config);
const started = performance.now();
let rows = 0;
for (const file of process.argv.slice(2)) {
  const result = await importFile(db, file);
  if (!result.ok) throw new Error(result.message);
  rows += result.report.rowsLoaded;
  if (result.report.rowsRejected > 0) throw new Error(`${file}: ${result.report.rowsRejected} rows rejected`);
}
const seconds = (performance.now() - started) / 1000;
await db.close();
process.stdout.write(`${JSON.stringify({ rows, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);

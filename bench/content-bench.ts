import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONTENT_CORPUS } from '../src/policy/content/corpus/content-corpus.ts';
import { scanText, type ContentScope } from '../src/policy/content/scan-content.ts';
import type { Content } from '../src/policy/situation.ts';

/**
 * The content guard's speed beside the substring scan it replaced, in one run, on the labelled
 * corpus. The old scan is read from git history (OLD_GUARD_COMMIT) into a scratch folder and
 * imported, so both run in the same process on the same texts. Every text is made unique by a
 * suffix, so neither the normalised-text cache nor the scan cache ever answers: the figures are
 * the cost of judging a text seen for the first time (the cycle's repeated templates are cheaper).
 *
 * `node bench/content-bench.ts [--rounds N]`, or `runContentBench()` from bench/run.ts.
 */
export type ContentBenchRow = {
  readonly guard: string;
  readonly texts: number;
  readonly seconds: number;
  readonly textsPerSecond: number;
  readonly microsPerText: number;
  /** Processor time per text: steadier than wall time on a machine shared with other work. */
  readonly cpuMicrosPerText: number;
};

/** The last commit with the substring scan (fixed phrase lists, no negation, no framing). */
export const OLD_GUARD_COMMIT = '37fbf67257d760712a2d07c40a7d1d5adcbc6c44';
const OLD_FILES = ['normalize-text.ts', 'phrase-lists.ts', 'scan-content.ts'];
const SITUATION = pathToFileURL(fileURLToPath(new URL('../src/policy/situation.ts', import.meta.url))).href;

type Scan = (content: Content, scope: ContentScope) => unknown;

export async function runContentBench(options: { rounds?: number } = {}): Promise<ContentBenchRow[]> {
  const rounds = options.rounds ?? 40;
  const rows: ContentBenchRow[] = [];
  const old = await loadOldScan();
  if (old !== null) rows.push(measure('old substring scan', old.scan, rounds));
  rows.push(measure('new guard (patterns, negation, framing, exemplars)', scanText, rounds));
  if (old !== null) await old.dispose();
  return rows;
}

function measure(guard: string, scan: Scan, rounds: number): ContentBenchRow {
  const scopes = CONTENT_CORPUS.map((item): ContentScope => ({
    pack: item.pack, audience: item.audience, channel: item.channel, purpose: 'collect',
    voicemail: item.voicemail ?? false, timeBarred: item.timeBarred ?? false,
  }));
  const locale = (pack: string) => (pack === 'CN' ? 'zh-CN' as const : 'en' as const);
  // One warm-up round, then the measured rounds; a counter suffix makes every text new.
  let serial = 0;
  const round = () => {
    for (let index = 0; index < CONTENT_CORPUS.length; index += 1) {
      const item = CONTENT_CORPUS[index]!;
      serial += 1;
      scan({ text: `${item.text} ${serial}`, locale: locale(item.pack) }, scopes[index]!);
    }
  };
  round();
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (let count = 0; count < rounds; count += 1) round();
  const used = process.cpuUsage(cpu);
  const seconds = (performance.now() - started) / 1000;
  const texts = rounds * CONTENT_CORPUS.length;
  return {
    guard, texts, seconds, textsPerSecond: Math.round(texts / seconds), microsPerText: (seconds * 1e6) / texts,
    cpuMicrosPerText: (used.user + used.system) / texts,
  };
}

async function loadOldScan(): Promise<{ scan: Scan; dispose: () => Promise<void> } | null> {
  const directory = await mkdtemp(join(tmpdir(), 'faircollect-old-guard-'));
  for (const file of OLD_FILES) {
    const shown = spawnSync('git', ['show', `${OLD_GUARD_COMMIT}:src/policy/content/${file}`], { encoding: 'utf8' });
    if (shown.status !== 0) {
      process.stderr.write(`content bench: the old scan is not in this checkout's history (${file}); skipped\n`);
      await rm(directory, { recursive: true, force: true });
      return null;
    }
    await writeFile(join(directory, file), shown.stdout.replaceAll("'../situation.ts'", `'${SITUATION}'`));
  }
  const module = await import(pathToFileURL(join(directory, 'scan-content.ts')).href) as { scanText: Scan };
  return { scan: module.scanText, dispose: () => rm(directory, { recursive: true, force: true }) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const index = process.argv.indexOf('--rounds');
  const rows = await runContentBench({ rounds: index === -1 ? undefined : Number(process.argv[index + 1]) });
  for (const row of rows) {
    process.stdout.write(`${row.guard}: ${row.textsPerSecond} texts/s, ${row.microsPerText.toFixed(1)} µs per text `
      + `(${row.cpuMicrosPerText.toFixed(1)} µs of processor time)\n`);
  }
}

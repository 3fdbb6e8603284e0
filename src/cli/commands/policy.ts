import type { Command } from 'commander';
import type { GateSettings } from '../../app/gate/policy-gate.ts';
import type { CaseResult } from '../../policy/testing/run-policy-tests.ts';
import { UsageError } from '../usage-error.ts';

/**
 * `faircollect policy test DIR`: a lender's own policy tests (YAML or JSON files of situations and
 * expected decisions), like `opa test`: PASS/FAIL per case and a summary; exit 1 on a failure, 2 on
 * a bad file. Cases are decided under the lender's settings (FAIRCOLLECT_SETTINGS), a file's own
 * `settings` laid over them. `faircollect policy docs`: writes one page per rule and an index to
 * docs/policies/.
 */
const TEST_FILE = /\.(ya?ml|json)$/;

export function register(program: Command): void {
  const policy = program.command('policy').description('Test the compliance policy and generate its pages.');
  policy
    .command('test <dir>')
    .description('Run the policy test cases in DIR (*.yaml, *.yml, *.json) under the lender\'s settings '
      + '(FAIRCOLLECT_SETTINGS); exit 1 on a failure, 2 on a bad file.')
    .option('-v, --verbose', 'print the Decision of each failing case')
    .action(async (dir: string, options: { verbose?: boolean }) => {
      const failed = await runTests(dir, options.verbose === true);
      process.exitCode = failed ? 1 : 0;
    });
  policy
    .command('docs')
    .description('Generate docs/policies/: one page per rule (from its metadata and test table) and '
      + 'an index.')
    .option('--out <dir>', 'the folder to write', 'docs/policies')
    .action(async (options: { out: string }) => {
      const { renderPolicyDocs } = await import('../../policy/docs/render-policy-docs.ts');
      const { mkdir, readdir, rm, writeFile } = await import('node:fs/promises');
      const { join } = await import('node:path');
      const pages = renderPolicyDocs();
      await mkdir(options.out, { recursive: true });
      for (const name of await readdir(options.out)) {
        if (name.endsWith('.md') && !pages.has(name)) await rm(join(options.out, name));
      }
      for (const [name, text] of pages) await writeFile(join(options.out, name), text);
      process.stdout.write(`wrote ${pages.size} pages to ${options.out}\n`);
    });
}

async function runTests(dir: string, verbose: boolean): Promise<boolean> {
  const { readdir, stat } = await import('node:fs/promises');
  const isDirectory = await stat(dir).then((info) => info.isDirectory(), () => false);
  if (!isDirectory) throw new UsageError(`policy test: ${dir} is not a directory`);
  const files = (await readdir(dir)).filter((name) => TEST_FILE.test(name)).sort();
  if (files.length === 0) throw new UsageError(`policy test: ${dir} holds no *.yaml, *.yml or *.json files`);
  const lender = await lenderSettings();
  let passed = 0;
  let failed = 0;
  // Every file is run and every malformed one reported, so one run shows all there is to fix.
  const malformed: string[] = [];
  for (const file of files) {
    const run = await runFile(dir, file, lender);
    if (typeof run === 'string') {
      malformed.push(run);
      continue;
    }
    for (const result of run) {
      process.stdout.write(`${result.passed ? 'PASS' : 'FAIL'}: ${file}: ${result.name}\n`);
      if (!result.passed) for (const failure of result.failures) process.stdout.write(`      ${failure}\n`);
      if (result.passed) passed += 1;
      else failed += 1;
    }
  }
  if (verbose) process.stdout.write(`(${files.length} files)\n`);
  process.stdout.write(`--------------------------------------------------------------------------------\n`);
  process.stdout.write(`policy test: ${passed + failed} cases, PASS ${passed}, FAIL ${failed}\n`);
  // A malformed file outranks a failed case: exit 2 says "could not test", never "tested and failed".
  if (malformed.length > 0) throw new UsageError(malformed.join('\n'));
  return failed > 0;
}

/** The results of one file, or the message naming its file, case and field when it is malformed. */
async function runFile(
  dir: string, file: string, lender: GateSettings,
): Promise<readonly CaseResult[] | string> {
  const { readFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const { parse } = await import('yaml');
  const { runPolicyTestsUnder } = await import('../../app/settings/run-policy-tests-under.ts');
  let document: unknown;
  try {
    document = parse(await readFile(join(dir, file), 'utf8'), { merge: true });
  } catch (error) {
    return `${file}: not valid YAML or JSON: ${(error as Error).message}`;
  }
  const run = runPolicyTestsUnder(document, lender);
  if (run.ok) return run.results;
  const lines = run.problems.map((problem) => {
    const where = problem.caseName === undefined ? '' : ` (case ${JSON.stringify(problem.caseName)})`;
    return `  ${problem.path}${where}: ${problem.message}`;
  });
  return `${file}: invalid test file:\n${lines.join('\n')}`;
}

/** The lender's settings of each pack (FAIRCOLLECT_SETTINGS), refused before any case runs if invalid. */
async function lenderSettings(): Promise<GateSettings> {
  const { loadConfig } = await import('../load-config.ts');
  const { loadConfiguredPolicy } = await import('../../app/settings/load-lender-policy.ts');
  const loaded = await loadConfiguredPolicy(loadConfig());
  if (!loaded.ok) throw new UsageError(loaded.message);
  return loaded.policy.settings;
}

// `node test/simulation/run.ts [--seed S] [--days D] [--start YYYY-MM-DD] [--borrowers N]`: a longer
// randomised simulation run. Without --seed a seed is drawn and printed first, so any failure can be
// replayed exactly with the same arguments. Exit 1 when an invariant broke.
import { simulate } from './simulate.ts';

const argument = (name: string): string | undefined => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
};
const seed = Number(argument('seed') ?? Math.floor(Math.random() * 2 ** 31));
const days = Number(argument('days') ?? 30);
const start = argument('start') ?? '2026-02-20';
const borrowers = Number(argument('borrowers') ?? 40);
if (!Number.isInteger(seed) || !Number.isInteger(days) || days < 1 || !/^\d{4}-\d{2}-\d{2}$/.test(start)) {
  process.stderr.write('usage: node test/simulation/run.ts [--seed S] [--days D] [--start YYYY-MM-DD] [--borrowers N]\n');
  process.exit(2);
}
process.stdout.write(`simulation seed=${seed} start=${start} days=${days} borrowers=${borrowers}\n`);
const started = performance.now();
const report = simulate({ seed, days, start, borrowers });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
process.stdout.write(`proposals ${report.proposals}, executed ${report.executed} (${report.executedUnnamed} `
  + `without a number named), denied ${report.denied}, refused for want of a number ${report.refused}, `
  + `next-allowed instants checked ${report.nextAllowedChecked}, ${seconds} s\n`);
if (report.violation !== null) {
  process.stdout.write(`INVARIANT BROKEN (seed ${seed}): ${report.violation}\n`);
  process.stdout.write(`replay: node test/simulation/run.ts --seed ${seed} --start ${start} --days ${days} --borrowers ${borrowers}\n`);
  process.exit(1);
}
process.stdout.write('all invariants held\n');

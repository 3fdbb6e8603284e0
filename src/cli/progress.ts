import cliProgress from 'cli-progress';

/**
 * Progress for long steps: a bar on a terminal, a line per tenth of the work otherwise (CI logs and
 * pipes stay readable and short).
 */
export type Progress = { update(done: number, total?: number): void; stop(): void };

export function createProgress(label: string, total: number): Progress {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar({
      format: `${label.padEnd(22)} {bar} {percentage}% | {value}/{total} | {eta_formatted} left`,
      stream: process.stderr, hideCursor: true, clearOnComplete: false,
    }, cliProgress.Presets.shades_classic);
    bar.start(Math.max(total, 1), 0);
    return {
      update(done, newTotal) {
        if (newTotal !== undefined) bar.setTotal(Math.max(newTotal, 1));
        bar.update(done);
      },
      stop: () => bar.stop(),
    };
  }
  let reported = -1;
  let currentTotal = total;
  return {
    update(done, newTotal) {
      if (newTotal !== undefined) currentTotal = newTotal;
      const tenth = currentTotal === 0 ? 10 : Math.floor((done / currentTotal) * 10);
      if (tenth > reported) {
        reported = tenth;
        process.stderr.write(`${label}: ${done}/${currentTotal}\n`);
      }
    },
    stop() {},
  };
}

import type { TextFile, Violation } from './violation.ts';

/**
 * Paths of one machine must not leak into the repository: they break for every other checkout
 * and tell readers nothing. The needles are assembled from parts so that this file does not
 * contain them itself.
 */
const MACHINE_PATHS = [['', 'work', ''].join('/'), ['', 'tmp', 'stack-probe'].join('/')];

export function checkMachinePaths(files: readonly TextFile[]): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    file.text.split('\n').forEach((line, index) => {
      const needle = MACHINE_PATHS.find((path) => line.includes(path));
      if (needle === undefined) return;
      violations.push({
        path: file.path, line: index + 1, rule: 'machine path',
        advice: `remove "${needle}"; use a path relative to the repository root or to import.meta.url`,
      });
    });
  }
  return violations;
}

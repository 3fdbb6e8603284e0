import type { ScannedFile, Violation } from './violation.ts';

/**
 * Lines in src/ are at most 110 columns, so two files fit side by side in a review and nothing
 * hides past the edge of the window. Columns are counted in characters (code points).
 */
export const LINE_COLUMNS_MAX = 110;

export function checkLineLength(files: readonly ScannedFile[]): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    if (!file.path.startsWith('src/')) continue;
    file.source.text.split('\n').forEach((raw, index) => {
      const columns = [...raw.replace(/\r$/, '')].length;
      if (columns <= LINE_COLUMNS_MAX) return;
      violations.push({
        path: file.path, line: index + 1, rule: 'line length',
        advice: `${columns} columns (limit ${LINE_COLUMNS_MAX}); break the line or name a sub-expression`,
      });
    });
  }
  return violations;
}

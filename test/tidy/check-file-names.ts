import type { Violation } from './violation.ts';

/**
 * Names under src/ are kebab-case: a file is named after its main export (`allocate-payment.ts`
 * exports `allocatePayment`), optionally marked as a database suite (`.db`) and as a test
 * (`.test`). Tests sit beside the code they test, so there are no `__tests__` folders.
 */
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TYPESCRIPT_FILE = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.db)?(?:\.test)?\.ts$/;

export function checkFileNames(paths: readonly string[]): Violation[] {
  const violations: Violation[] = [];
  const reportedFolders = new Set<string>();
  for (const path of paths) {
    if (!path.startsWith('src/')) continue;
    const segments = path.split('/');
    const name = segments[segments.length - 1]!;
    for (let depth = 2; depth < segments.length; depth += 1) {
      const folder = segments.slice(0, depth).join('/');
      const folderName = segments[depth - 1]!;
      if (KEBAB.test(folderName) || reportedFolders.has(folder)) continue;
      reportedFolders.add(folder);
      const advice = folderName === '__tests__'
        ? 'put each x.test.ts beside the x.ts it tests'
        : 'rename the folder in kebab-case (lower-case words joined by hyphens)';
      violations.push({ path: `${folder}/`, line: 1, rule: 'file name', advice });
    }
    if (name.endsWith('.ts') && !TYPESCRIPT_FILE.test(name)) {
      violations.push({
        path, line: 1, rule: 'file name',
        advice: 'name it after its main export in kebab-case: name.ts, name.test.ts or name.db.test.ts',
      });
    }
  }
  return violations;
}

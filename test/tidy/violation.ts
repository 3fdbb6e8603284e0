import type { ScannedSource } from './scan-source.ts';

/**
 * One broken rule at one place. Every tidy check returns a list of these, and the test prints
 * them as `path:line: rule — what to do instead`, so a failure tells the reader both where to
 * look and how to fix it without opening STYLE.md.
 */
export type Violation = {
  /** Repository-relative, with forward slashes. */
  readonly path: string;
  /** 1-based; 1 when the rule concerns the whole file or folder. */
  readonly line: number;
  readonly rule: string;
  readonly advice: string;
};

/** A TypeScript file of the repository, tokenized once and shared by the checks. */
export type ScannedFile = { readonly path: string; readonly source: ScannedSource };

/** A text file of the repository. */
export type TextFile = { readonly path: string; readonly text: string };

export function formatViolation(violation: Violation): string {
  return `${violation.path}:${violation.line}: ${violation.rule} — ${violation.advice}`;
}

export function sortViolations(violations: readonly Violation[]): Violation[] {
  return [...violations].sort(
    (left, right) => left.path.localeCompare(right.path) || left.line - right.line,
  );
}

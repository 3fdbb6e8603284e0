import type { TextFile, Violation } from './violation.ts';

/**
 * Every Markdown file has exactly one H1, its title, so generated tables of contents and the
 * rendered page agree on what the document is. A `# ` line inside a fenced code block is code
 * (a shell comment, say), not a heading.
 */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING_1 = /^ {0,3}#(?:[ \t]|$)/;

export function checkMarkdownHeadings(files: readonly TextFile[]): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    const headings = headingLines(file.text);
    if (headings.length === 0) {
      const advice = 'start the file with a `# Title` line';
      violations.push({ path: file.path, line: 1, rule: 'one H1', advice });
    }
    for (const line of headings.slice(1)) {
      violations.push({
        path: file.path, line, rule: 'one H1',
        advice: `the title is on line ${headings[0]}; make this a section (##)`,
      });
    }
  }
  return violations;
}

/** Lines (1-based) that are H1 headings outside fenced code blocks. */
export function headingLines(text: string): number[] {
  const found: number[] = [];
  let fence: string | null = null;
  text.split('\n').forEach((line, index) => {
    const marker = FENCE.exec(line)?.[1];
    if (fence === null && marker !== undefined) {
      fence = marker;
    } else if (fence !== null) {
      // A fence closes with the same character, at least as long, and nothing after it.
      const closes = marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length &&
        line.trim() === marker;
      if (closes) fence = null;
    } else if (HEADING_1.test(line)) {
      found.push(index + 1);
    }
  });
  return found;
}

import type { ScannedSource } from './scan-source.ts';

/**
 * The module specifiers a file imports: static imports (`import … from`, `import '…'`),
 * re-exports (`export … from`) and dynamic `import('…')` with a literal argument. Type-only
 * imports count too, because a type from another layer couples the layers just as a value does.
 */
export type ImportSite = { readonly specifier: string; readonly line: number };

export function findImports(source: ScannedSource): ImportSite[] {
  const { tokens } = source;
  const sites: ImportSite[] = [];
  tokens.forEach((token, index) => {
    const literal = token.kind === 'string' || (token.kind === 'template' && /^`[^]*`$/.test(token.text));
    if (!literal || token.text.length < 2) return;
    const previous = tokens[index - 1];
    const beforePrevious = tokens[index - 2];
    const isStatic = previous?.kind === 'word' && (previous.text === 'from' || previous.text === 'import');
    const isDynamic =
      previous?.kind === 'punct' && previous.text === '(' &&
      beforePrevious?.kind === 'word' && beforePrevious.text === 'import';
    if (isStatic || isDynamic) sites.push({ specifier: token.text.slice(1, -1), line: token.line });
  });
  return sites;
}

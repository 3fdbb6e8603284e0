import { hasComment, type ScannedSource, type Token } from './scan-source.ts';
import type { ScannedFile, Violation } from './violation.ts';

/**
 * A promise's `.catch` handler that does nothing (`() => undefined`, `() => null`, `() => void 0`,
 * `() => {}`, `() => { return; }`) turns every failure into silence: in a compliance system, an
 * unexplained outcome. It is banned everywhere TypeScript is checked, unless a comment inside the
 * `.catch(…)` says why ignoring the error is right (for instance, that an earlier error is the one
 * to report). A handler that does something with the error, or returns a real value, passes.
 */
export const SWALLOWED_ERROR_RULE = 'swallowed error';
const ADVICE = 'handle or rethrow the error; if ignoring it is right, say why in a comment inside the ' +
  '`.catch(…)`';

export function checkSwallowedErrors(files: readonly ScannedFile[]): Violation[] {
  return files.flatMap((file) => findSwallowedErrors(file.source).map((token) => ({
    path: file.path, line: token.line, rule: SWALLOWED_ERROR_RULE, advice: ADVICE,
  })));
}

/** The `catch` token of every `.catch(handler)` whose handler does nothing and says nothing. */
export function findSwallowedErrors(source: ScannedSource): Token[] {
  const { tokens, closing } = source;
  const found: Token[] = [];
  tokens.forEach((token, index) => {
    if (token.kind !== 'word' || token.text !== 'catch' || !isPunct(tokens[index - 1], '.')) return;
    const open = index + 1;
    if (!isPunct(tokens[open], '(') || closing[open] === -1) return;
    const close = closing[open]!;
    const body = arrowBody(tokens, closing, open + 1, close);
    if (body === null || !doesNothing(tokens.slice(body, close))) return;
    if (hasComment(source, tokens[open]!.start, tokens[close]!.end)) return;
    found.push(token);
  });
  return found;
}

/** Index of the first token of an arrow function's body spanning [start, end), or null. */
function arrowBody(tokens: readonly Token[], closing: readonly number[], start: number, end: number): number | null {
  let at = start;
  if (tokens[at]?.kind === 'word' && tokens[at]!.text === 'async') at += 1;
  if (isPunct(tokens[at], '(')) {
    if (closing[at] === -1 || closing[at]! >= end) return null;
    at = closing[at]! + 1;
    // A parameter list may carry a return type: `(): undefined => undefined`.
    while (at < end && !isPunct(tokens[at], '=>')) at += 1;
  } else if (tokens[at]?.kind === 'word') {
    at += 1;
  } else {
    return null;
  }
  return isPunct(tokens[at], '=>') ? at + 1 : null;
}

/** The body's tokens (block braces included) when they compute nothing and go nowhere. */
function doesNothing(body: readonly Token[]): boolean {
  const texts = body.map((token) => token.text);
  const kinds = body.map((token) => token.kind);
  if (kinds.some((kind) => kind === 'string' || kind === 'template')) return false;
  const expression = texts.join(' ');
  if (['undefined', 'null', 'void 0'].includes(expression)) return true;
  if (texts[0] !== '{' || texts[texts.length - 1] !== '}') return false;
  const statements = texts.slice(1, -1).join(' ');
  return ['', 'return', 'return ;', 'return undefined', 'return undefined ;', 'return null', 'return null ;']
    .includes(statements);
}

function isPunct(token: Token | undefined, text: string): boolean {
  return token !== undefined && token.kind === 'punct' && token.text === text;
}

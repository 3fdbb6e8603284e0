import type { ScannedSource, Token } from './scan-source.ts';

/**
 * Finds the named functions of a source file for the function-length check: function
 * declarations, functions and arrows assigned to a const/let/var, class fields and object
 * properties holding an arrow with a block body, and methods (including getters, setters and
 * constructors). Anonymous callbacks, such as the body of a `test(...)`, are not functions in
 * this sense: they have no name to put in the allowlist, and their length is the test's data.
 */
export type FunctionSpan = {
  readonly name: string;
  readonly startLine: number;
  readonly endLine: number;
  /** Lines from the declaration to the closing brace, both included. */
  readonly lines: number;
};

const NOT_METHOD_NAMES = new Set([
  'if', 'for', 'while', 'switch', 'catch', 'with', 'function', 'return', 'typeof', 'await', 'new',
  'super', 'import', 'export', 'do', 'else', 'try', 'finally', 'yield', 'void', 'delete', 'in', 'of',
  'instanceof', 'case', 'throw', 'async',
]);
const FIELD_MODIFIERS = new Set([
  'public', 'private', 'protected', 'static', 'readonly', 'override', 'declare', 'accessor',
]);
/** Words that start a type rather than end one, so a `{` after them opens an object type. */
const TYPE_PREFIX_WORDS = new Set([
  'keyof', 'typeof', 'infer', 'is', 'extends', 'asserts', 'readonly', 'new',
]);
const STATEMENT_START_WORDS = new Set([
  'export', 'const', 'let', 'var', 'function', 'class', 'import', 'type', 'interface', 'if', 'for',
  'while', 'return',
]);
/** Tokens that end a return type when they appear outside brackets: the function had no body. */
const RETURN_TYPE_TERMINATORS = new Set([';', '=>', '=', ',', ')', ']', '}']);
/** Tokens that end a variable's type annotation without an `=`; function types may hold `=>`. */
const ANNOTATION_TERMINATORS = new Set([';', ',', ')', ']', '}']);

export function findFunctions(source: ScannedSource): FunctionSpan[] {
  const found = new Map<string, FunctionSpan>();
  for (let index = 0; index < source.tokens.length; index += 1) {
    const span =
      functionDeclarationAt(source, index) ?? assignedFunctionAt(source, index) ?? methodAt(source, index);
    if (span !== null) found.set(`${span.name}:${span.startLine}`, span);
  }
  return [...found.values()].sort((left, right) => left.startLine - right.startLine);
}

function span(source: ScannedSource, name: string, startLine: number, endIndex: number): FunctionSpan {
  const endToken = source.tokens[endIndex]!;
  const endLine = source.lineAt(endToken.end - 1);
  return { name, startLine, endLine, lines: endLine - startLine + 1 };
}

function isPunct(token: Token | undefined, text: string): boolean {
  return token !== undefined && token.kind === 'punct' && token.text === text;
}

function isWord(token: Token | undefined, text?: string): boolean {
  return token !== undefined && token.kind === 'word' && (text === undefined || token.text === text);
}

function functionDeclarationAt(source: ScannedSource, index: number): FunctionSpan | null {
  const { tokens } = source;
  if (!isWord(tokens[index], 'function')) return null;
  let next = index + 1;
  if (isPunct(tokens[next], '*')) next += 1;
  const name = tokens[next];
  if (!isWord(name)) return null;
  const open = skipTypeParameters(source, next + 1);
  if (!isPunct(tokens[open], '(')) return null;
  const body = findBody(source, source.closing[open]! + 1);
  if (body === -1) return null;
  return span(source, name!.text, tokens[index]!.line, source.closing[body]!);
}

function assignedFunctionAt(source: ScannedSource, index: number): FunctionSpan | null {
  const { tokens } = source;
  const first = tokens[index]!;
  if (first.kind !== 'word') return null;
  if (['const', 'let', 'var'].includes(first.text) && isWord(tokens[index + 1])) {
    let equals = index + 2;
    if (isPunct(tokens[equals], ':')) equals = skipTypeAnnotation(source, equals + 1);
    if (!isPunct(tokens[equals], '=')) return null;
    const end = functionExpressionEnd(source, equals + 1, false);
    return end === -1 ? null : span(source, tokens[index + 1]!.text, first.line, end);
  }
  if (NOT_METHOD_NAMES.has(first.text) || FIELD_MODIFIERS.has(first.text)) return null;
  const previous = tokens[index - 1];
  const separator = tokens[index + 1];
  const classField =
    isPunct(separator, '=') &&
    (previous === undefined || [';', '{', '}'].includes(previous.text) || FIELD_MODIFIERS.has(previous.text));
  const objectProperty = isPunct(separator, ':') && (isPunct(previous, '{') || isPunct(previous, ','));
  if (!classField && !objectProperty) return null;
  const end = functionExpressionEnd(source, index + 2, true);
  return end === -1 ? null : span(source, first.text, first.line, end);
}

function methodAt(source: ScannedSource, index: number): FunctionSpan | null {
  const { tokens } = source;
  const name = tokens[index]!;
  if (name.kind !== 'word' || NOT_METHOD_NAMES.has(name.text)) return null;
  const previous = tokens[index - 1];
  if (isPunct(previous, '.') || isWord(previous, 'function') || isWord(previous, 'new')) return null;
  const open = skipTypeParameters(source, index + 1);
  if (!isPunct(tokens[open], '(')) return null;
  const close = source.closing[open]!;
  if (close === -1) return null;
  const body = findBody(source, close + 1);
  return body === -1 ? null : span(source, name.text, name.line, source.closing[body]!);
}

/** The index of the last token of a function expression starting at `start`, or -1 if none is. */
function functionExpressionEnd(source: ScannedSource, start: number, requireBlock: boolean): number {
  const { tokens } = source;
  let at = start;
  if (isWord(tokens[at], 'async') && !isPunct(tokens[at + 1], '=>')) at += 1;
  if (isWord(tokens[at], 'function')) {
    at += isPunct(tokens[at + 1], '*') ? 2 : 1;
    if (isWord(tokens[at])) at += 1;
    const open = skipTypeParameters(source, at);
    if (!isPunct(tokens[open], '(') || source.closing[open] === -1) return -1;
    const body = findBody(source, source.closing[open]! + 1);
    return body === -1 ? -1 : source.closing[body]!;
  }
  at = skipTypeParameters(source, at);
  let arrow = -1;
  const close = isPunct(tokens[at], '(') ? source.closing[at]! : -1;
  if (close !== -1) arrow = findArrow(source, close + 1);
  else if (isWord(tokens[at]) && isPunct(tokens[at + 1], '=>')) arrow = at + 1;
  if (arrow === -1) return -1;
  if (isPunct(tokens[arrow + 1], '{')) return source.closing[arrow + 1]!;
  return requireBlock ? -1 : expressionEnd(source, arrow + 1);
}

/** Skips `<…>` type parameters at `start`; returns the index after them, `start` if there are none. */
function skipTypeParameters(source: ScannedSource, start: number): number {
  const { tokens } = source;
  if (!isPunct(tokens[start], '<')) return start;
  let depth = 0;
  for (let at = start; at < tokens.length; at += 1) {
    const token = tokens[at]!;
    if (token.kind !== 'punct') continue;
    if (['(', '[', '{', '${'].includes(token.text)) {
      if (source.closing[at] === -1) return -1;
      at = source.closing[at]!;
    } else if (token.text === '<') {
      depth += 1;
    } else if (token.text === '>') {
      depth -= 1;
      if (depth === 0) return at + 1;
    } else if ([';', ')', ']', '}'].includes(token.text)) {
      return -1;
    }
  }
  return -1;
}

/**
 * Walks a type from `start` until `stop` says the type has ended, jumping over bracketed parts;
 * returns the index of the token that ended it, or -1 if the type ran into a terminator first.
 */
function walkType(
  source: ScannedSource, start: number, stop: (at: number) => boolean, terminators: ReadonlySet<string>,
): number {
  const { tokens } = source;
  let angles = 0;
  for (let at = start; at < tokens.length; at += 1) {
    const token = tokens[at]!;
    if (angles === 0 && stop(at)) return at;
    if (token.kind !== 'punct') continue;
    if (['(', '[', '{', '${'].includes(token.text)) {
      if (source.closing[at] === -1) return -1;
      at = source.closing[at]!;
    } else if (token.text === '<') {
      angles += 1;
    } else if (token.text === '>') {
      angles -= 1;
    } else if (angles === 0 && terminators.has(token.text)) {
      return -1;
    }
  }
  return -1;
}

function skipTypeAnnotation(source: ScannedSource, start: number): number {
  return walkType(source, start, (at) => isPunct(source.tokens[at], '='), ANNOTATION_TERMINATORS);
}

/** After a parameter list: the index of `=>`, past an optional return type, or -1. */
function findArrow(source: ScannedSource, start: number): number {
  const { tokens } = source;
  if (isPunct(tokens[start], '=>')) return start;
  if (!isPunct(tokens[start], ':')) return -1;
  return walkType(source, start + 1, (at) => isPunct(tokens[at], '=>'), RETURN_TYPE_TERMINATORS);
}

/** After a parameter list: the index of the body's `{`, past an optional return type, or -1. */
function findBody(source: ScannedSource, start: number): number {
  const { tokens } = source;
  if (isPunct(tokens[start], '{')) return source.closing[start] === -1 ? -1 : start;
  if (!isPunct(tokens[start], ':')) return -1;
  const opensBody = (at: number) => isPunct(tokens[at], '{') && endsType(tokens[at - 1]!);
  const body = walkType(source, start + 1, opensBody, RETURN_TYPE_TERMINATORS);
  return body === -1 || source.closing[body] === -1 ? -1 : body;
}

function endsType(token: Token): boolean {
  if (token.kind === 'word') return !TYPE_PREFIX_WORDS.has(token.text);
  if (token.kind === 'punct') return ['>', ']', ')', '}'].includes(token.text);
  return true;
}

/** The last token of an arrow's expression body starting at `start`. */
function expressionEnd(source: ScannedSource, start: number): number {
  const { tokens } = source;
  let last = start;
  for (let at = start; at < tokens.length; at += 1) {
    const token = tokens[at]!;
    if (token.kind === 'punct' && ['(', '[', '{', '${'].includes(token.text)) {
      if (source.closing[at] === -1) return last;
      at = source.closing[at]!;
      last = at;
      continue;
    }
    if (token.kind === 'punct' && [')', ']', '}', ',', ';'].includes(token.text)) return last;
    const newStatement = token.kind === 'word' && STATEMENT_START_WORDS.has(token.text);
    if (at > start && newStatement && token.line > tokens[last]!.line) return last;
    last = at;
  }
  return last;
}

/**
 * A small TypeScript lexer for the tidy test. The installed compiler (TypeScript 7, native) offers
 * no stable JavaScript API, and the tidy checks need only tokens: they must not be fooled by a
 * banned name inside a comment, a string or a template literal, and they must match braces to
 * measure functions. So this file tokenizes source text well enough for that, and nothing more.
 *
 * Regular expressions are told apart from division by the token before the slash, the usual
 * heuristic; code that defeats it is unusual enough that the checks accept the rare miss.
 */
export type TokenKind = 'word' | 'number' | 'punct' | 'string' | 'template' | 'regex';

export type Token = {
  readonly kind: TokenKind;
  readonly text: string;
  /** Offset of the first character in the source text. */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
  /** 1-based line of the first character. */
  readonly line: number;
};

export type ScannedSource = {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** For an opening token ( [ { ${ the index of its closing token, otherwise -1. */
  readonly closing: readonly number[];
  /** Comments as [start, end) offset pairs, so a check can ask whether a range holds one. */
  readonly comments: readonly (readonly [number, number])[];
  lineAt(offset: number): number;
};

const KEYWORDS_BEFORE_EXPRESSION = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do',
  'else', 'yield', 'await',
]);
const IDENTIFIER = /[A-Za-z_$#\u0080-\uffff][\w$\u0080-\uffff]*/y;
const NUMBER = /(?:0[xXbBoO][\da-fA-F_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?)n?/y;
const OPENERS = new Set(['(', '[', '{', '${']);
const PAIRS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

type LexState = {
  readonly text: string;
  readonly tokens: Token[];
  readonly comments: [number, number][];
  /** Open braces: '{' for code blocks, '${' for template substitutions. */
  readonly braces: string[];
  readonly lineStarts: number[];
};

export function scanSource(text: string): ScannedSource {
  const lineStarts = [0];
  for (let index = 0; index < text.length; index += 1) {
    if (text[index] === '\n') lineStarts.push(index + 1);
  }
  const state: LexState = { text, tokens: [], comments: [], braces: [], lineStarts };
  let position = text.startsWith('#!') ? skipLineComment(state, 0) : 0;
  while (position < text.length) position = scanOne(state, position);
  return {
    text,
    tokens: state.tokens,
    closing: matchBrackets(state.tokens),
    comments: state.comments,
    lineAt: (offset) => lineOf(lineStarts, offset),
  };
}

function lineOf(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

function push(state: LexState, kind: TokenKind, start: number, end: number): number {
  const text = state.text.slice(start, end);
  state.tokens.push({ kind, text, start, end, line: lineOf(state.lineStarts, start) });
  return end;
}

/** Reads one token (or skips whitespace or a comment) at `position`; returns the next position. */
function scanOne(state: LexState, position: number): number {
  const { text } = state;
  const char = text[position]!;
  const next = text[position + 1];
  if (/\s/.test(char)) return position + 1;
  if (char === '/' && next === '/') return skipLineComment(state, position);
  if (char === '/' && next === '*') return skipBlockComment(state, position);
  if (char === '"' || char === "'") return push(state, 'string', position, stringEnd(text, position));
  if (char === '`') return scanTemplateChunk(state, position, position + 1);
  if (char === '/' && regexAllowed(state.tokens)) {
    const end = regexEnd(text, position);
    if (end !== -1) return push(state, 'regex', position, end);
  }
  IDENTIFIER.lastIndex = position;
  if (IDENTIFIER.test(text)) return push(state, 'word', position, IDENTIFIER.lastIndex);
  NUMBER.lastIndex = position;
  if (NUMBER.test(text) && NUMBER.lastIndex > position && char !== '.') {
    return push(state, 'number', position, NUMBER.lastIndex);
  }
  return scanPunctuation(state, position);
}

function scanPunctuation(state: LexState, position: number): number {
  const { text } = state;
  const char = text[position]!;
  if (char === '{') state.braces.push('{');
  if (char === '}') {
    const opened = state.braces.pop();
    // The brace that closes `${ … }` hands control back to the template literal around it.
    if (opened === '${') {
      push(state, 'punct', position, position + 1);
      return scanTemplateChunk(state, position + 1, position + 1);
    }
  }
  if (text.startsWith('=>', position)) return push(state, 'punct', position, position + 2);
  if (text.startsWith('...', position)) return push(state, 'punct', position, position + 3);
  return push(state, 'punct', position, position + 1);
}

function skipLineComment(state: LexState, position: number): number {
  const newline = state.text.indexOf('\n', position);
  const end = newline === -1 ? state.text.length : newline;
  state.comments.push([position, end]);
  return end;
}

function skipBlockComment(state: LexState, position: number): number {
  const close = state.text.indexOf('*/', position + 2);
  const end = close === -1 ? state.text.length : close + 2;
  state.comments.push([position, end]);
  return end;
}

function stringEnd(text: string, start: number): number {
  const quote = text[start];
  for (let index = start + 1; index < text.length; index += 1) {
    const char = text[index];
    if (char === '\\') index += 1;
    else if (char === quote) return index + 1;
    else if (char === '\n') return index;
  }
  return text.length;
}

/**
 * Emits the literal text of a template from `start` (a backtick or the `}` that ended a
 * substitution) up to the closing backtick or the next `${`, which becomes its own token.
 */
function scanTemplateChunk(state: LexState, start: number, from: number): number {
  const { text } = state;
  for (let index = from; index < text.length; index += 1) {
    const char = text[index];
    if (char === '\\') {
      index += 1;
    } else if (char === '`') {
      return push(state, 'template', start, index + 1);
    } else if (char === '$' && text[index + 1] === '{') {
      if (index > start) push(state, 'template', start, index);
      state.braces.push('${');
      return push(state, 'punct', index, index + 2);
    }
  }
  return push(state, 'template', start, text.length);
}

function regexAllowed(tokens: readonly Token[]): boolean {
  const previous = tokens[tokens.length - 1];
  if (previous === undefined) return true;
  if (previous.kind === 'word') return KEYWORDS_BEFORE_EXPRESSION.has(previous.text);
  if (previous.kind !== 'punct') return false;
  if (previous.text === ')' || previous.text === ']') return false;
  // `value! / 2`: a non-null assertion right after an operand, so the slash divides.
  const before = tokens[tokens.length - 2];
  if (previous.text === '!' && before !== undefined && before.end === previous.start) {
    return !(before.kind === 'word' || before.kind === 'number' || [')', ']'].includes(before.text));
  }
  return true;
}

function regexEnd(text: string, start: number): number {
  let inClass = false;
  for (let index = start + 1; index < text.length; index += 1) {
    const char = text[index];
    if (char === '\n') return -1;
    if (char === '\\') index += 1;
    else if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    else if (char === '/' && !inClass) {
      let end = index + 1;
      while (end < text.length && /[a-z]/.test(text[end]!)) end += 1;
      return end;
    }
  }
  return -1;
}

function matchBrackets(tokens: readonly Token[]): number[] {
  const closing = tokens.map(() => -1);
  const open: number[] = [];
  tokens.forEach((token, index) => {
    if (token.kind !== 'punct') return;
    if (OPENERS.has(token.text)) {
      open.push(index);
      return;
    }
    const wanted = PAIRS[token.text];
    if (wanted === undefined || open.length === 0) return;
    const top = open[open.length - 1]!;
    const opener = tokens[top]!.text;
    if (opener === wanted || (token.text === '}' && opener === '${')) {
      closing[top] = index;
      open.pop();
    }
  });
  return closing;
}

/** True when [start, end) holds a comment. */
export function hasComment(source: ScannedSource, start: number, end: number): boolean {
  return source.comments.some(([from, to]) => from >= start && to <= end);
}

/**
 * Brackets without a partner. Valid TypeScript has none, so any found means the lexer misread
 * the file (or the file does not compile), and checks built on the tokens cannot be trusted there.
 */
export function unmatchedBrackets(source: ScannedSource): Token[] {
  const matched = new Set(source.closing.filter((index) => index !== -1));
  return source.tokens.filter((token, index) => {
    if (token.kind !== 'punct') return false;
    if (OPENERS.has(token.text)) return source.closing[index] === -1;
    return PAIRS[token.text] !== undefined && !matched.has(index);
  });
}

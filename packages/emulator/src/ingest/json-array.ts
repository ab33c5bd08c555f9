// Finds the elements of a JSON array in UTF-8 bytes without building them, checking the whole
// text against the JSON grammar on the way (exactly what `JSON.parse` accepts). An import task then
// decodes and parses one element at a time when it gets to it. (Structural characters are ASCII and
// never part of a multi-byte UTF-8 sequence, so scanning bytes finds the same elements as scanning
// the decoded text.)
//
// Why: `JSON.parse` of a whole ~10 MB chunk file creates ~16,000 specs at once, which all live
// until the chunk is done. They outlive V8's young-generation collections, so each was copied and
// promoted to the old generation and later marked there: garbage collection was the largest single
// cost of bulk ingest in profiles. Specs parsed one by one die young, which is nearly free.

const WS_SPACE = 0x20;
const WS_TAB = 0x09;
const WS_LF = 0x0a;
const WS_CR = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

const IN_ARRAY = 1;
const IN_OBJECT = 2;

/**
 * The `[start, end)` byte offsets of each element of the JSON array in `text` (UTF-8), as a flat
 * array `[start0, end0, start1, end1, ...]`; null when `text` is not valid JSON or not an array
 * (the caller then lets `JSON.parse` report the problem). Every element is valid JSON on its own.
 * Not checked: that the bytes are valid UTF-8 (decoding replaces bad sequences, as it would for
 * the whole text).
 */
export function arrayElementBounds(text: Uint8Array): number[] | null {
  const n = text.length;
  const bounds: number[] = [];
  let i = skipWhitespace(text, 0, n);
  if (text[i] !== OPEN_ARRAY) return null;
  i = skipWhitespace(text, i + 1, n);
  if (text[i] === CLOSE_ARRAY) return skipWhitespace(text, i + 1, n) === n ? bounds : null;
  const stack: number[] = [];
  for (;;) {
    const end = scanValue(text, i, n, stack);
    if (end < 0) return null;
    bounds.push(i, end);
    i = skipWhitespace(text, end, n);
    const c = text[i];
    if (c === COMMA) i = skipWhitespace(text, i + 1, n);
    else if (c === CLOSE_ARRAY) return skipWhitespace(text, i + 1, n) === n ? bounds : null;
    else return null;
  }
}

function skipWhitespace(text: Uint8Array, i: number, n: number): number {
  while (i < n) {
    const c = text[i];
    if (c !== WS_SPACE && c !== WS_LF && c !== WS_CR && c !== WS_TAB) break;
    i++;
  }
  return i;
}

/** The index after the JSON value starting at `i`, or -1. `stack` is scratch space (left empty). */
function scanValue(text: Uint8Array, i: number, n: number, stack: number[]): number {
  stack.length = 0;
  for (;;) {
    // A value starts at i (after whitespace).
    i = skipWhitespace(text, i, n);
    const c = text[i] ?? -1;
    if (c === OPEN_OBJECT) {
      i = skipWhitespace(text, i + 1, n);
      if (text[i] === CLOSE_OBJECT) i += 1;
      else {
        stack.push(IN_OBJECT);
        i = scanKey(text, i, n);
        if (i < 0) return -1;
        continue;
      }
    } else if (c === OPEN_ARRAY) {
      i = skipWhitespace(text, i + 1, n);
      if (text[i] === CLOSE_ARRAY) i += 1;
      else {
        stack.push(IN_ARRAY);
        continue;
      }
    } else if (c === QUOTE) i = scanString(text, i, n);
    else if (c === MINUS || (c >= ZERO && c <= NINE)) i = scanNumber(text, i, n);
    else if (c === 0x74 /* t */) i = matches(text, i, TRUE);
    else if (c === 0x66 /* f */) i = matches(text, i, FALSE);
    else if (c === 0x6e /* n */) i = matches(text, i, NULL);
    else return -1;
    if (i < 0) return -1;
    // After a value: close containers until one continues with another value.
    for (;;) {
      const top = stack.length ? stack[stack.length - 1] : 0;
      if (top === 0) return i;
      i = skipWhitespace(text, i, n);
      const d = text[i];
      if (d === COMMA) {
        i += 1;
        if (top === IN_OBJECT) {
          i = scanKey(text, skipWhitespace(text, i, n), n);
          if (i < 0) return -1;
        }
        break;
      }
      if ((top === IN_ARRAY && d === CLOSE_ARRAY) || (top === IN_OBJECT && d === CLOSE_OBJECT)) {
        stack.pop();
        i += 1;
        continue;
      }
      return -1;
    }
  }
}

const TRUE = [0x74, 0x72, 0x75, 0x65];
const FALSE = [0x66, 0x61, 0x6c, 0x73, 0x65];
const NULL = [0x6e, 0x75, 0x6c, 0x6c];

/** The index after `word` if it is at `i`, or -1. */
function matches(text: Uint8Array, i: number, word: number[]): number {
  for (let k = 0; k < word.length; k++) if (text[i + k] !== word[k]) return -1;
  return i + word.length;
}

/** `"key"` followed by `:`; returns the index after the colon, or -1. */
function scanKey(text: Uint8Array, i: number, n: number): number {
  if (text[i] !== QUOTE) return -1;
  i = scanString(text, i, n);
  if (i < 0) return -1;
  i = skipWhitespace(text, i, n);
  return text[i] === COLON ? i + 1 : -1;
}

/** The index after the string starting with the quote at `i`, or -1. */
function scanString(text: Uint8Array, i: number, n: number): number {
  i += 1;
  while (i < n) {
    const c = text[i]!;
    if (c === QUOTE) return i + 1;
    if (c === BACKSLASH) {
      const e = text[i + 1];
      if (e === 0x75 /* u */) {
        if (!(isHex(text[i + 2]) && isHex(text[i + 3]) && isHex(text[i + 4]) && isHex(text[i + 5]))) return -1;
        i += 6;
      } else if (e === QUOTE || e === BACKSLASH || e === 0x2f /* / */ || e === 0x62 /* b */ || e === 0x66 /* f */ || e === 0x6e /* n */ || e === 0x72 /* r */ || e === 0x74 /* t */) {
        i += 2;
      } else return -1;
    } else if (c < 0x20) return -1;
    else i += 1;
  }
  return -1;
}

function isHex(c: number | undefined): boolean {
  if (c === undefined) return false;
  return (c >= ZERO && c <= NINE) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** The index after the number starting at `i` (`-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?`), or -1. */
function scanNumber(text: Uint8Array, i: number, n: number): number {
  if (text[i] === MINUS) i += 1;
  const first = text[i] ?? -1;
  if (first === ZERO) i += 1;
  else if (first > ZERO && first <= NINE) i = skipDigits(text, i + 1, n);
  else return -1;
  if (text[i] === DOT) {
    const after = skipDigits(text, i + 1, n);
    if (after === i + 1) return -1;
    i = after;
  }
  const e = text[i];
  if (e === 0x65 /* e */ || e === 0x45 /* E */) {
    i += 1;
    const sign = text[i];
    if (sign === PLUS || sign === MINUS) i += 1;
    const after = skipDigits(text, i, n);
    if (after === i) return -1;
    i = after;
  }
  return i;
}

function skipDigits(text: Uint8Array, i: number, n: number): number {
  while (i < n) {
    const c = text[i]!;
    if (c < ZERO || c > NINE) break;
    i++;
  }
  return i;
}

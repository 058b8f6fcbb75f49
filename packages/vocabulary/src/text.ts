import { SitrepError } from './errors';

/**
 * Longest name a look-up (`entity(name:)`, `aboutName`, `mentioningName`, `nameContains`) or a new
 * name takes. SQLite refuses LIKE patterns over 50,000 bytes with an internal error; no name is
 * within a hundred times of this.
 */
export const MAX_NAME_CHARS = 500;

/** Longest text `search(query:)` takes; it finds at most 32 words anyway. */
export const MAX_SEARCH_CHARS = 1000;

/**
 * The longest article anything takes by default, in characters: the server's ingestArticle and
 * the CLI's ingest and extract alike, so a file the API would refuse does not stall the command.
 */
export const MAX_ARTICLE_CHARS = 1_000_000;

/** A free-text argument over `limit` characters is BAD_USER_INPUT naming the limit. */
/**
 * An article over `limit` characters, refused before extraction spends time on it; `setting` names
 * how to change the limit, `file` (when given) where the article came from.
 */
export function refuseLongArticle(text: string, limit: number, setting = '--max-article-chars', file?: string): void {
  if (text.length > limit) {
    const what = file ? `${file}: the article` : 'The article';
    throw new SitrepError(
      'BAD_USER_INPUT',
      `${what} is ${text.length} characters; the limit (${setting}) is ${limit}.`,
      {
        limit,
      },
    );
  }
}

export function refuseLongText(field: string, text: string, limit: number): void {
  if (text.length > limit) {
    throw new SitrepError('BAD_USER_INPUT', `${field} takes at most ${limit} characters, got ${text.length}.`, {
      field,
      limit,
    });
  }
}

// Non-unicode regexes see UTF-16 code units, so they can find a half of a pair.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// C0 controls but tab, line feed and carriage return; DEL; C1 controls (U+009B starts a terminal escape).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

const codePoint = (char: string) => `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Refuses text that cannot be stored as it was sent: a lone UTF-16 surrogate (SQLite would store
 * bytes that are not UTF-8, so hashes and offsets stop matching the text) or a control character
 * other than tab and line breaks (NUL cuts search snippets short; escapes reach terminals). Refused,
 * not stripped: stripping would move every offset a client computed and store text nobody sent.
 * The error names the field and the character offset (in UTF-16 code units, as JavaScript counts).
 */
export function refuseOddText(field: string, text: string): void {
  const surrogate = LONE_SURROGATE.exec(text);
  if (surrogate) {
    throw new SitrepError(
      'BAD_USER_INPUT',
      `${field} has a lone UTF-16 surrogate (${codePoint(surrogate[0])}) at character ${surrogate.index}: it is not Unicode text.`,
      { field, offset: surrogate.index },
    );
  }
  const control = CONTROL.exec(text);
  if (control) {
    throw new SitrepError(
      'BAD_USER_INPUT',
      `${field} has the control character ${codePoint(control[0])} at character ${control.index}; only tab and line breaks are taken.`,
      { field, offset: control.index },
    );
  }
}

/** Checks every string in a mutation's input, naming each by its path (`input.aliases[1]`). */
export function refuseOddInput(value: unknown, path: string): void {
  if (typeof value === 'string') refuseOddText(path, value);
  else if (Array.isArray(value)) value.forEach((item, i) => refuseOddInput(item, `${path}[${i}]`));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) refuseOddInput(item, `${path}.${key}`);
  }
}

/**
 * A file's bytes as UTF-8 text. Bytes that are not UTF-8 are refused with the first bad byte's
 * offset (and `name`, if given): decoding them to U+FFFD would keep text the file does not hold.
 */
export function decodeUtf8(bytes: Uint8Array, name?: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstBadByte(bytes);
    const byte = bytes[offset]?.toString(16).toUpperCase().padStart(2, '0') ?? '?';
    const what = `not valid UTF-8 text (byte ${offset} is 0x${byte}); save it as UTF-8.`;
    throw new SitrepError('BAD_USER_INPUT', name ? `${name}: ${what}` : what, { offset });
  }
}

/**
 * Where lenient decoding first put U+FFFD for bytes that were not EF BF BD (a real U+FFFD): the
 * text before it is valid, so its UTF-8 length is the offset. Runs only on the failure path.
 */
function firstBadByte(bytes: Uint8Array): number {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const encoder = new TextEncoder();
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) {
    const offset = encoder.encode(text.slice(0, i)).length;
    if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) return offset;
  }
  return bytes.length;
}

/** `1 claim`, `3 claims`: a count with its noun, for messages and hovers. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

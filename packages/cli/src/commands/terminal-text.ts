const hex = (char: string, width: number) => char.charCodeAt(0).toString(16).padStart(width, '0');

// Control characters (line feed excepted: our own lines) and bidi embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_ON_A_TERMINAL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Article text as a terminal should see it: an escape sequence in an article could retitle or
 * recolour the terminal, and a bidi override reverse how a quote reads, so each is shown as `\x1b`
 * or `\u202e` instead of being obeyed.
 */
export const forTerminal = (text: string): string =>
  text.replace(UNSAFE_ON_A_TERMINAL, (c) => (c.charCodeAt(0) < 0x100 ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));

// JSON.stringify escapes C0 controls but writes DEL, C1 controls (U+009B starts an escape) and bidi as they are.
const UNESCAPED_BY_JSON = /[\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** JSON for a terminal: the same value, with what JSON.stringify leaves raw written as `\uXXXX`. */
export const jsonForTerminal = (value: unknown): string =>
  JSON.stringify(value, null, 2).replace(UNESCAPED_BY_JSON, (c) => `\\u${hex(c, 4)}`);

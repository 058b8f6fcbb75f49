const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface TrieNode {
  next: Map<string, TrieNode>;
  /** A word ends here. */
  end: boolean;
}

function trieOf(words: Iterable<string>): TrieNode {
  const root: TrieNode = { next: new Map(), end: false };
  for (const word of words) {
    if (word === '') continue;
    let node = root;
    for (const char of word) {
      let child = node.next.get(char);
      if (!child) {
        child = { next: new Map(), end: false };
        node.next.set(char, child);
      }
      node = child;
    }
    node.end = true;
  }
  return root;
}

function sourceOf(node: TrieNode): string {
  const branches = [...node.next].map(([char, child]) => escape(char) + sourceOf(child));
  if (branches.length === 0) return '';
  // Greedy: a longer word is tried before the word that ends here.
  if (node.end) return `(?:${branches.join('|')})?`;
  return branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
}

/**
 * A regular expression source (a non-capturing group) matching any of `words`, for
 * case-sensitive patterns. It matches exactly as `(?:w1|w2|…)` with the words sorted longest
 * first, but is built as a trie of their shared prefixes: the engine then tests a few first
 * letters at each position of the text instead of every word of a gazetteer one by one.
 *
 * Why it is the same: the words that can match at one position are prefixes of the text
 * there, so prefixes of one another; the list tries them longest first, and so does the trie,
 * which goes deeper before ending a word.
 */
export function wordAlternation(words: Iterable<string>): string {
  return `(?:${sourceOf(trieOf(words))})`;
}

/**
 * A lookahead that holds where one of `words` could start. Put before a costly assertion such as
 * a lookbehind (which the engine would otherwise test at every position of the text), it lets
 * most positions fail on one character.
 */
export function startOfOneOf(words: Iterable<string>): string {
  const firsts = new Set<string>();
  for (const word of words) {
    const [first] = word;
    if (first !== undefined) firsts.add(first);
  }
  // Inside a class only these four have a meaning of their own.
  return `(?=[${[...firsts].map((c) => c.replace(/[\]\\^-]/, '\\$&')).join('')}])`;
}

/**
 * A lookahead that holds where a capital letter could start: at A-Z or any non-ASCII character.
 * V8 tests a large Unicode class such as [\p{Lu}] by a call for each character; put first, this
 * lets lower case letters, digits, spaces and punctuation fail without it.
 */
export const CAPITAL_AHEAD = '(?=[^\\0-@\\[-\\x7F])';

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Where `words` stand in `text` as whole words: left to right, without overlaps, the longest
 * winning where several start at one place. That is what the pattern
 * (?<![\p{L}\p{N}])(?:w1|w2|…)(?![\p{L}\p{N}]) finds with the words longest first, without
 * compiling a RegExp for every article's handful of names (compiling costs more than the search).
 */
export function wholeWordsIn(text: string, words: Iterable<string>): Array<[number, string]> {
  const wordAt = new Map<number, string>();
  for (const word of [...words].sort((a, b) => b.length - a.length)) {
    if (word === '') continue;
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
      const end = i + word.length;
      if (wordAt.has(i) || isLetterOrDigit(codePointBefore(text, i)) || isLetterOrDigit(text.codePointAt(end)))
        continue;
      wordAt.set(i, word);
    }
  }
  const found: Array<[number, string]> = [];
  let next = 0;
  for (const i of [...wordAt.keys()].sort((a, b) => a - b)) {
    if (i < next) continue;
    const word = wordAt.get(i)!;
    found.push([i, word]);
    next = i + word.length;
  }
  return found;
}

/** The code point that ends just before `index` (a surrogate pair taken whole), if any. */
function codePointBefore(text: string, index: number): number | undefined {
  if (index <= 0) return undefined;
  const low = text.charCodeAt(index - 1);
  const high = index >= 2 ? text.charCodeAt(index - 2) : 0;
  const paired = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return paired ? text.codePointAt(index - 2) : low;
}

const isLetterOrDigit = (codePoint: number | undefined) =>
  codePoint !== undefined && LETTER_OR_DIGIT.test(String.fromCodePoint(codePoint));

import { SitrepError } from '@sitrep/vocabulary';
import { isSpace } from './text-scan';

export interface ArticleHeader {
  /** YYYY-MM-DD */
  published: string;
  /** The place the report was filed from, as written (capitals). */
  dateline: string;
  /** Index where the first paragraph's own text starts, after "PLACE: ". */
  bodyStart: number;
}

// `date 2024-12-15 TARTOUS: …`, white space allowed before `date`; PLACE is capitals, spaces, dots, hyphens.
const HEADER = /^date\s+(\d{4}-\d{2}-\d{2})\s+([\p{Lu}][\p{Lu}\p{M} .'’-]*?)\s*:/u;
/**
 * How far the header is looked for: the PLACE is tried at every length, each time with the white
 * space after it, which over a long run of capitals and spaces without a colon is quadratic (80 KB
 * took 5 s). A dateline is a few words.
 */
const HEADER_REACH = 256;

/** Reads the wire header of an article; a file without one is an error that says what is expected. */
export function parseHeader(text: string, file = 'the article'): ArticleHeader {
  const from = skipSpaces(text, 0);
  const match = HEADER.exec(text.slice(from, from + HEADER_REACH));
  if (!match) {
    const firstLine = text.split('\n', 1)[0]?.slice(0, 60) ?? '';
    throw new SitrepError(
      'BAD_USER_INPUT',
      `${file}:1: expected the first line to start with "date YYYY-MM-DD PLACE: ", found “${firstLine}”.`,
    );
  }
  const published = match[1]!;
  const date = new Date(`${published}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== published) {
    throw new SitrepError('BAD_USER_INPUT', `${file}:1: “${published}” is not a calendar date.`);
  }
  return { published, dateline: match[2]!, bodyStart: skipSpaces(text, from + match[0].length) };
}

function skipSpaces(text: string, from: number): number {
  let at = from;
  while (at < text.length && isSpace(text.charCodeAt(at))) at += 1;
  return at;
}

/** A title where the outlet gave none: the first sentence, cut at a word near 90 characters. */
export function deriveTitle(firstSentence: string): string {
  const sentence = firstSentence
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.,;:]$/, '');
  if (sentence.length <= 90) return sentence;
  const cut = sentence.slice(0, 90);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40))}…`;
}

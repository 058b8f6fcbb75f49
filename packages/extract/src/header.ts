import { SitrepError } from '@sitrep/vocabulary';

export interface ArticleHeader {
  /** YYYY-MM-DD */
  published: string;
  /** The place the report was filed from, as written (capitals). */
  dateline: string;
  /** Index where the first paragraph's own text starts, after "PLACE: ". */
  bodyStart: number;
}

// `date 2024-12-15 TARTOUS: …`, white space allowed before `date`; PLACE is capitals, spaces, dots, hyphens.
const HEADER = /^\s*date\s+(\d{4}-\d{2}-\d{2})\s+([\p{Lu}][\p{Lu}\p{M} .'’-]*?)\s*:\s*/u;

/** Reads the wire header of an article; a file without one is an error that says what is expected. */
export function parseHeader(text: string, file = 'the article'): ArticleHeader {
  const match = HEADER.exec(text);
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
  return { published, dateline: match[2]!, bodyStart: match[0].length };
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

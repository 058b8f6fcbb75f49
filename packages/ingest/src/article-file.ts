import { readWireDateline } from '@sitrep/extract';
import { SitrepError } from '@sitrep/vocabulary';
import { YAMLParseError, parse } from 'yaml';
import type { ArticleInput } from './ingest-article';
import { isCalendarDate, publicationDateOf, refuseFutureDate, todayAnywhere } from './publication-date';

export { isCalendarDate, todayAnywhere };

/** What the person ingesting says about the files (`sitrep ingest --date --outlet --url`); it wins over front matter. */
export interface GivenMetadata {
  /** Publication date, YYYY-MM-DD, for files that do not say their own. */
  date?: string | null;
  outlet?: string | null;
  url?: string | null;
}

/** What a file's folder says of it in an `index.json`, the weakest of the sources. */
export interface IndexMetadata {
  title?: string | null;
  outlet?: string | null;
  url?: string | null;
}

/** Front matter: `---` on the first line, YAML, then `---` (or `...`) on a line of its own. */
const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

const NO_DATE =
  'no publication date. Add one: --date YYYY-MM-DD on the command line, "date: YYYY-MM-DD" in the front ' +
  'matter of a .md file, or a first line "date YYYY-MM-DD PLACE: "';

/**
 * An article file as an article to ingest: a `.md` file's front matter (`date`, `outlet`, `url`,
 * `title`) is read and left out of the stored text, to which every offset points. The date is, in
 * order, the text's own `date YYYY-MM-DD PLACE:` line, `given.date`, the front matter's, and a wire
 * dateline that writes its year; without one the file is refused saying what to add, and a date
 * after today (anywhere on Earth) is refused too.
 */
export function readArticleFile(
  file: string,
  content: string,
  given: GivenMetadata = {},
  index: IndexMetadata = {},
  today: string = todayAnywhere(),
): ArticleInput {
  const { text, front } = file.toLowerCase().endsWith('.md') ? splitFrontMatter(content) : { text: content, front: {} };
  // Said first: an empty file would otherwise be told to add a date.
  if (text.trim() === '') throw new SitrepError('BAD_USER_INPUT', 'the file is empty: there is no text to read.');
  const input: ArticleInput = {
    text,
    file,
    title: front.title ?? index.title ?? null,
    outlet: given.outlet ?? front.outlet ?? index.outlet ?? null,
    url: given.url ?? front.url ?? index.url ?? null,
    publishedAt: given.date ?? front.date ?? null,
  };
  return refuseUndated(input, today, NO_DATE);
}

/**
 * `input` as it is when it has a date: the text's own `date` line (which wins, as it always has;
 * the extractor reads it), else its publishedAt, else a wire dateline that writes its year.
 * Without one it is refused with `noDate`, which says what to add; a date after `today` is refused.
 */
export function refuseUndated(input: ArticleInput, today: string, noDate: string): ArticleInput {
  const { text } = input;
  const date = publicationDateOf(text, input.publishedAt);
  if (!date) {
    const wire = readWireDateline(text);
    const found = wire
      ? `its dateline “${text.slice(wire.start, wire.bodyStart).trim()}” writes no year`
      : `found “${text.trim().split('\n', 1)[0]?.slice(0, 60) ?? ''}”`;
    throw new SitrepError('BAD_USER_INPUT', `${noDate} (${found}).`);
  }
  refuseFutureDate(date, today);
  return input;
}

interface FrontMatter {
  date?: string;
  outlet?: string;
  url?: string;
  title?: string;
}

function splitFrontMatter(content: string): { text: string; front: FrontMatter } {
  const match = FRONT_MATTER.exec(content);
  if (!match || match.index !== 0) return { text: content, front: {} };
  let data: unknown;
  try {
    data = parse(match[1]!);
  } catch (error) {
    const why = error instanceof YAMLParseError ? error.message.split('\n', 1)[0] : String(error);
    throw new SitrepError('BAD_USER_INPUT', `the front matter is not valid YAML: ${why}`);
  }
  if (data == null) return { text: content.slice(match[0].length), front: {} };
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new SitrepError('BAD_USER_INPUT', 'the front matter must be YAML "key: value" lines.');
  }
  const fields = data as Record<string, unknown>;
  const front: FrontMatter = {};
  for (const key of ['date', 'outlet', 'url', 'title'] as const) {
    const value = fields[key];
    if (value == null || value === '') continue;
    if (typeof value !== 'string') {
      throw new SitrepError('BAD_USER_INPUT', `the front matter's ${key} must be text, not ${JSON.stringify(value)}.`);
    }
    front[key] = value.trim();
  }
  if (front.date !== undefined && !isCalendarDate(front.date)) {
    throw new SitrepError(
      'BAD_USER_INPUT',
      `the front matter's date “${front.date}” is not a calendar date (YYYY-MM-DD).`,
    );
  }
  return { text: content.slice(match[0].length), front };
}

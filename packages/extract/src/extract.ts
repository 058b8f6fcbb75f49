import { SitrepError } from '@sitrep/vocabulary';
import { buildClaims } from './claims/build';
import { recognizeEntities } from './entities/recognize';
import { type ArticleHeader, deriveTitle, parseHeader } from './header';
import type { Knowledge } from './knowledge-base';
import { segment } from './segment';
import type { Extraction } from './types';
import { datelineDate, readWireDateline } from './wire-dateline';

export interface ExtractOptions {
  /** The outlet's title, where known; otherwise one is derived from the first sentence. */
  title?: string | null;
  /** Names the file in error messages. */
  file?: string;
  /**
   * Publication date (YYYY-MM-DD) for a text without the "date YYYY-MM-DD PLACE:" header; with it,
   * such a text is read from its first character, or from after the wire dateline it opens with.
   * It wins over the dateline's own day.
   */
  published?: string | null;
  /**
   * What the knowledge base already knows: its names are recognised first, by any alias and
   * spelling, and the entities they name carry its id (`known`). Without it, general knowledge only.
   */
  knowledge?: Knowledge;
}

/**
 * Reads one article in the corpus format and returns its entities and sourced claims, using
 * general knowledge, and the knowledge base's names where one is given. Offsets are JS string indices into `text` as given.
 */
export function extractArticle(text: string, options: ExtractOptions = {}): Extraction {
  if (options.published != null) {
    const day = new Date(`${options.published}T00:00:00Z`);
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(options.published) ||
      Number.isNaN(day.getTime()) ||
      day.toISOString().slice(0, 10) !== options.published
    ) {
      throw new SitrepError(
        'BAD_USER_INPUT',
        `${options.file ?? 'The article'}: “${options.published}” is not a calendar date (YYYY-MM-DD).`,
      );
    }
  }
  const { header, titleLine } = readHeader(text, options);
  // Said before anything is read: with no sentence, there is no title either, and the store would
  // be the one to refuse it, for that.
  if (text.slice(header.bodyStart).trim() === '') {
    throw new SitrepError(
      'BAD_USER_INPUT',
      `${options.file ?? 'the article'}:1: there is no text after the date line; write the article below it.`,
    );
  }
  const sentences = segment(text, header.bodyStart);
  const table = recognizeEntities(text, header.bodyStart, sentences, options.knowledge);
  const claims = buildClaims(text, sentences, table, header.published);
  return {
    article: {
      published: header.published,
      dateline: header.dateline,
      title: options.title?.trim() || titleLine || deriveTitle(sentences[0]?.text ?? ''),
    },
    entities: table.toOutput(),
    claims,
  };
}

/** The header as read: a text dated by the option alone has no dateline. */
type ReadHeader = Omit<ArticleHeader, 'dateline'> & { dateline: string | null };

/** The day of a text's opening "date YYYY-MM-DD PLACE:" line (after white space), or null without one. */
export function dateHeaderDate(text: string): string | null {
  return /^\s*date\s+(\d{4}-\d{2}-\d{2})\s/.exec(text)?.[1] ?? null;
}

/** A text opens with "date YYYY-MM-DD PLACE:" (after white space). */
export function hasDateHeader(text: string): boolean {
  return dateHeaderDate(text) !== null;
}

/**
 * Where the article's own text starts, its date and dateline: from the "date" header; else from
 * a wire dateline (`MOSCOW, Jan 28 (AFP) -`), whose day is the date only where it writes its
 * year and no date is given; else from the first character with the given date.
 */
function readHeader(text: string, options: ExtractOptions): { header: ReadHeader; titleLine: string | null } {
  const wire = hasDateHeader(text) ? null : readWireDateline(text);
  if (!wire && (!options.published || hasDateHeader(text)))
    return { header: parseHeader(text, options.file), titleLine: null };
  if (!wire) return { header: { published: options.published!, dateline: null, bodyStart: 0 }, titleLine: null };
  const published = options.published ?? datelineDate(wire);
  if (!published) {
    const dateline = text.slice(wire.start, wire.bodyStart).trim();
    throw new SitrepError(
      'BAD_USER_INPUT',
      `${options.file ?? 'the article'}: the dateline “${dateline}” gives no year; give the publication date (YYYY-MM-DD).`,
    );
  }
  return { header: { published, dateline: wire.place, bodyStart: wire.bodyStart }, titleLine: wire.title };
}

import { SitrepError } from '@sitrep/vocabulary';
import { buildClaims } from './claims/build';
import { recognizeEntities } from './entities/recognize';
import { deriveTitle, parseHeader } from './header';
import type { Knowledge } from './knowledge-base';
import { segment } from './segment';
import type { Extraction } from './types';

export interface ExtractOptions {
  /** The outlet's title, where known; otherwise one is derived from the first sentence. */
  title?: string | null;
  /** Names the file in error messages. */
  file?: string;
  /**
   * Publication date (YYYY-MM-DD) for a text without the wire header; with it, a text that
   * does not start with "date YYYY-MM-DD PLACE:" is read from its first character.
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
  const header =
    options.published && !/^\s*date\s+\d{4}-\d{2}-\d{2}\s/.test(text)
      ? { published: options.published, dateline: null, bodyStart: 0 }
      : parseHeader(text, options.file);
  const sentences = segment(text, header.bodyStart);
  const table = recognizeEntities(text, header.bodyStart, sentences, options.knowledge);
  const claims = buildClaims(text, sentences, table, header.published);
  return {
    article: {
      published: header.published,
      dateline: header.dateline,
      title: options.title?.trim() || deriveTitle(sentences[0]?.text ?? ''),
    },
    entities: table.toOutput(),
    claims,
  };
}

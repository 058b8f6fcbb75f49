import {
  type ClaimFacts,
  type ClaimFeatures,
  featuresFromJson,
  featuresOf,
  featuresToJson,
  withEntities,
  wordsKey,
} from '@sitrep/corroborate';
import type { Extraction } from '@sitrep/extract';

/**
 * An article's claims' features, read from their words where the article was extracted, by
 * `wordsKey`, as text (they cross from a thread). Reading a quote is a pass of the language model,
 * the largest part of grouping an article's own claims; an extraction thread has the time, the
 * storing thread has not. Entities are resolved only when the article is stored: they are put on
 * then (`withEntities`), the only part of features that reads them.
 */
export type ClaimReadings = ReadonlyMap<string, string>;

/**
 * The date an article's claims are said on, as storing gives it: the date its text says, else the
 * one it came with.
 */
export const publishedOn = (extraction: Extraction, given: string | null | undefined): string =>
  extraction.article.published ?? given ?? '';

/** Reads an extracted article's claims' words (see ClaimReadings), said on `saidOn`. */
export function readClaimsAhead(extraction: Extraction, saidOn: string): ClaimReadings {
  const readings = new Map<string, string>();
  for (const claim of extraction.claims) {
    const words = {
      quote: claim.quote,
      saidOn,
      eventDate: claim.event_date,
      stance: claim.stance,
      hedged: claim.hedged,
    };
    const key = wordsKey(words);
    if (!readings.has(key)) {
      const facts: ClaimFacts = { ...words, id: '', articleId: '', about: [], source: null };
      readings.set(key, featuresToJson(featuresOf(facts)));
    }
  }
  return readings;
}

/** The features of a stored claim read ahead (readClaimsAhead), with its entities; undefined if its words were not. */
export function readAhead(readings: ClaimReadings | undefined, facts: ClaimFacts): ClaimFeatures | undefined {
  const text = readings?.get(wordsKey(facts));
  const features = text === undefined ? undefined : featuresFromJson(text);
  return features && withEntities(features, facts);
}

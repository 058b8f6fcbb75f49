import { expect } from 'vitest';
import { extractArticle } from './extract';
import type { ExtractedClaim, ExtractedEntity, Extraction } from './types';

/** The extracted entity with this canonical name; fails naming what was found instead. */
export function entityNamed(result: Extraction, name: string): ExtractedEntity {
  const found = result.entities.find((e) => e.name === name);
  if (!found) throw new Error(`no entity ${name} in ${JSON.stringify(result.entities.map((e) => e.name))}`);
  return found;
}

/** Extracts `text` and checks, for every claim, that its quote is the text at its offsets. */
export function extractChecked(text: string): Extraction {
  const result = extractArticle(text);
  for (const c of result.claims) expect(text.slice(c.start, c.end)).toBe(c.quote);
  return result;
}

/** The one claim whose quote contains `fragment`. */
export function claimWith(result: Extraction, fragment: string): ExtractedClaim {
  const found = result.claims.filter((c) => c.quote.includes(fragment));
  expect(
    found.map((c) => c.quote),
    `claims quoting ${fragment}`,
  ).toHaveLength(1);
  return found[0]!;
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCorpusDir, loadCorpus } from './gold';

const corpus = defaultCorpusDir();
const missing = existsSync(join(corpus, 'gold')) ? null : `no corpus at ${corpus} (set SITREP_CORPUS)`;
if (missing && process.env.CI === 'true') throw new Error(`The corpus test cannot be skipped in CI: ${missing}`);
if (missing) console.warn(`Skipping the shared-corpus test: ${missing}`);

describe.skipIf(missing)('the shared corpus', () => {
  it('loads every annotated article with its text and gold', () => {
    const articles = loadCorpus(corpus);
    expect(articles.length).toBeGreaterThan(0);
    for (const { file, text, gold } of articles) {
      expect(gold.file, `${file}: gold.file`).toBe(file);
      expect(text.length, file).toBeGreaterThan(0);
    }
  });

  it('has gold offsets that are JS string (UTF-16) indices: every quote is text.slice(start, end)', () => {
    const mismatches = loadCorpus(corpus).flatMap(({ file, text, gold }) =>
      gold.claims
        .filter((claim) => text.slice(claim.start, claim.end) !== claim.quote)
        .map((claim) => ({
          file,
          start: claim.start,
          end: claim.end,
          quote: claim.quote,
          slice: text.slice(claim.start, claim.end),
        })),
    );
    expect(mismatches).toEqual([]);
  });
});

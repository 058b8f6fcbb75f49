import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreCopies } from './copies';
import { defaultCorpusDir } from './gold';

const corpus = defaultCorpusDir();
const missing = existsSync(join(corpus, 'articles')) ? null : `no corpus at ${corpus} (set SITREP_CORPUS)`;
if (missing && process.env.CI === 'true') throw new Error(`The copies test cannot be skipped in CI: ${missing}`);
if (missing) console.warn(`Skipping the copies test: ${missing}`);

describe.skipIf(missing)('copies of the corpus articles, made at run time', () => {
  it('each join its source story, and no two different reports are merged', () => {
    const score = scoreCopies(corpus);
    console.info(`copies: ${JSON.stringify(score)}`);
    expect(score.copies).toBeGreaterThanOrEqual(score.articles * 2);
    expect(score.recall).toBeGreaterThanOrEqual(0.95);
    expect(score.precision).toBe(1);
    expect(score.wrongStory).toBe(0);
  }, 120_000);
});

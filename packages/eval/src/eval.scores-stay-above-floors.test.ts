import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '@sitrep/extract';
import { describe, expect, it } from 'vitest';
import floors from './floors.json';
import { defaultCorpusDir, loadCorpus } from './gold';
import { scoreArticle, totals } from './score';

const corpus = defaultCorpusDir();
const missing = existsSync(join(corpus, 'gold')) ? null : `no corpus at ${corpus} (set SITREP_CORPUS)`;
if (missing && process.env.CI === 'true') throw new Error(`The eval cannot be skipped in CI: ${missing}`);
if (missing) console.warn(`Skipping the extraction eval: ${missing}`);

// A ratchet: floors.json holds the scores the extractor has reached. Raise a floor when a change
// improves its score; never lower one to let a change pass.
describe.skipIf(missing)('extraction on the annotated corpus', () => {
  it('scores at or above every floor in floors.json', () => {
    const scores = loadCorpus(corpus).map(({ text, gold, title }) =>
      scoreArticle(extractArticle(text, { title }), gold),
    );
    const { ratios } = totals(scores);
    const below = Object.entries(floors).filter(
      ([metric, floor]) => (ratios[metric as keyof typeof ratios] ?? 0) < floor,
    );
    expect(below.map(([metric, floor]) => `${metric} ${ratios[metric as keyof typeof ratios]} < ${floor}`)).toEqual([]);
  });

  it('reads every article in the corpus, annotated or not, with offsets that hold', () => {
    const folder = join(corpus, 'articles');
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(join(folder, file), 'utf8');
      const x = extractArticle(text, { file });
      expect(x.article.published, file).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(x.entities.length, file).toBeGreaterThan(2);
      expect(x.claims.length, file).toBeGreaterThan(2);
      for (const e of x.entities) for (const m of e.mentions) expect(text.slice(m.start, m.end), file).toBe(m.text);
      for (const c of x.claims) {
        expect(text.slice(c.start, c.end), file).toBe(c.quote);
        if (c.source?.actor)
          expect(
            x.entities.map((e) => e.name),
            file,
          ).toContain(c.source.actor);
      }
    }
  });
});

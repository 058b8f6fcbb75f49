import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '@sitrep/extract';
import { describe, expect, it } from 'vitest';
import { readFloors, shortfalls } from './floors';
import { defaultCorpusDir, loadCorpus } from './gold';
import { MODES, extractIn } from './modes';
import { scoreArticle } from './score';

const corpus = defaultCorpusDir();
const missing = existsSync(join(corpus, 'gold')) ? null : `no corpus at ${corpus} (set SITREP_CORPUS)`;
if (missing && process.env.CI === 'true') throw new Error(`The eval cannot be skipped in CI: ${missing}`);
if (missing) console.warn(`Skipping the extraction eval: ${missing}`);

// A ratchet, per article and per mode: floors.json holds the scores each annotated article has
// reached. Raise a floor when a change improves its score (`pnpm eval --update-floors`); never
// lower one to let a change pass. An article new to the corpus has no floors yet, so adding data
// never turns the suite red; `--update-floors` starts it at its first (blind) score.
describe.skipIf(missing)('extraction on the annotated corpus', () => {
  const articles = missing ? [] : loadCorpus(corpus);
  const floors = readFloors();

  for (const mode of MODES) {
    it(`keeps every annotated article at or above its floors (${mode})`, () => {
      const unfloored = articles.filter((a) => !floors[mode][a.file]).map((a) => a.file);
      if (unfloored.length > 0)
        console.warn(`No floors yet (${mode}) for ${unfloored.join(', ')}: run \`pnpm eval --update-floors\`.`);
      const below = articles.flatMap((article) =>
        shortfalls(scoreArticle(extractIn(mode, article), article.gold), floors[mode][article.file] ?? {}).map(
          (s) => `${article.file}: ${s}`,
        ),
      );
      expect(below).toEqual([]);
    });
  }

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

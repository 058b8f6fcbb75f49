import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, standingOf } from '@sitrep/corroborate';
import { extractArticle } from '@sitrep/extract';
import { describe, expect, it } from 'vitest';
import { defaultCorpusDir, loadCorpus } from './gold';
import { groupArticles } from './statements-run';

const corpus = defaultCorpusDir();
const missing = existsSync(join(corpus, 'gold')) ? null : `no corpus at ${corpus} (set SITREP_CORPUS)`;
if (missing && process.env.CI === 'true') throw new Error(`The copies test cannot be skipped in CI: ${missing}`);
if (missing) console.warn(`Skipping the copies test: ${missing}`);

/** A wire copy made at test time, never stored: dated a day later, its last paragraph cut. */
function wireCopy(text: string): string {
  const paragraphs = text.trimEnd().split(/\n\s*\n/);
  const copy = (paragraphs.length > 2 ? paragraphs.slice(0, -1) : paragraphs).join('\n\n');
  return copy.replace(/^(\s*date\s+)(\d{4}-\d{2}-\d{2})/, (_, lead: string, day: string) => {
    const next = addDays(day, 1);
    return `${lead}${next}`;
  });
}

describe.skipIf(missing)('a copy of one wire story', () => {
  it('joins the original’s statements and counts as one story: repeated, not established', () => {
    const [original] = missing ? [] : loadCorpus(corpus);
    const first = {
      file: original!.file,
      extraction: extractArticle(original!.text, { title: 'original' }),
      published: null,
    };
    const copyText = wireCopy(original!.text);
    const copy = {
      file: `copy-of-${original!.file}`,
      extraction: extractArticle(copyText, { title: 'retitled copy' }),
      published: null,
    };
    const stories = [[first.file.replace(/\.txt$/, ''), copy.file.replace(/\.txt$/, '')]];
    const grouped = groupArticles([first, copy], stories);

    const repeated = copy.extraction.claims.filter((c) =>
      first.extraction.claims.some((o) => o.quote === c.quote && c.stance !== 'no_comment'),
    );
    expect(repeated.length).toBeGreaterThan(2);
    for (const claim of repeated) {
      const twin = first.extraction.claims.find((o) => o.quote === claim.quote)!;
      expect(grouped.statementOf.get(claim), claim.quote).toBe(grouped.statementOf.get(twin));
      const statement = grouped.statements.find((s) => s.id === grouped.statementOf.get(claim))!;
      expect(statement).toMatchObject({ articles: 2, stories: 1 });
      expect(['repeated', 'contested']).toContain(standingOf(statement, grouped.contradictions));
    }
  });
});

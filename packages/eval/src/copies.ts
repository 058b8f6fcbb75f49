// Syndication: are copies of one story (cut, retitled, re-datelined) found, and are two different
// reports never merged? The corpus holds no copies, so they are made here, at run time, from its
// articles, and never written anywhere.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { addDays } from '@sitrep/corroborate';
import { openDatabase } from '@sitrep/db';
import { DuplicateArticle, ingestArticle } from '@sitrep/ingest';

export interface CopiesScore {
  articles: number;
  copies: number;
  /** Pairs of stored texts that are one story, by construction and as found. */
  pairs: { truth: number; found: number; right: number };
  precision: number;
  recall: number;
  /** Copies that joined a story other than their source's: must be 0. */
  wrongStory: number;
}

const HEADER = /^\s*date\s+(\d{4}-\d{2}-\d{2})\s+([^:\n]*):?/;
const AGENCIES = ['Reuters', 'AFP', 'AP'];

const paragraphsOf = (body: string) => body.split(/\n\s*\n/).filter((p) => p.trim() !== '');

/** A copy as an outlet republishes a wire story: another dateline, maybe cut, a sentence dropped here and there. */
export function copiesOf(text: string, seed: number): string[] {
  const header = HEADER.exec(text);
  const date = header?.[1] ?? '2025-01-01';
  const place = header?.[2]?.trim() || 'DAMASCUS';
  const body = header ? text.slice(header[0].length) : text;
  const paragraphs = paragraphsOf(body);
  const agency = AGENCIES[seed % AGENCIES.length]!;
  const redatelined = [`${place}, (${agency}) - ${paragraphs[0]?.trim() ?? ''}`, ...paragraphs.slice(1)];
  const cut = paragraphs.slice(0, Math.max(2, Math.ceil(paragraphs.length * 0.6)));
  // A sub-editor's trims: each paragraph's last sentence goes, where it has more than one.
  const trimmed = paragraphs.map((p) => p.replace(/(?<=[.!?”"])\s+[^.!?]+[.!?]["”]?\s*$/, ''));
  return [
    `date ${addDays(date, 1)} ${place}:\n\n${redatelined.join('\n\n')}`,
    `date ${date} ${place}:\n\n${cut.join('\n\n')}`,
    `date ${addDays(date, 2)} ${place.toUpperCase()}:\n\n${trimmed.join('\n\n')}`,
  ];
}

/** Ingests every corpus article and three copies of each into a fresh database, and scores the stories found. */
export function scoreCopies(corpusDir: string): CopiesScore {
  const dir = join(corpusDir, 'articles');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const db = openDatabase(':memory:');
  try {
    // Each stored text's source file, and its story as found.
    const origin = new Map<number, string>();
    let copies = 0;
    files.forEach((file, i) => {
      const text = readFileSync(join(dir, file), 'utf8');
      for (const [k, version] of [text, ...copiesOf(text, i)].entries()) {
        try {
          const { article } = ingestArticle(db, { text: version, title: `${file} #${k}` });
          origin.set(article.id, file);
          if (k > 0) copies++;
        } catch (error) {
          // A copy identical to its source (a one-paragraph text) is the same text, not a second article.
          if (!(error instanceof DuplicateArticle)) throw error;
        }
      }
    });
    const story = new Map(
      (
        db.sqlite.prepare('select id, coalesce(story_id, id) as story from articles').all() as Array<{
          id: number;
          story: number;
        }>
      ).map((r) => [r.id, r.story]),
    );
    const ids = [...origin.keys()];
    let truth = 0;
    let found = 0;
    let right = 0;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const same = origin.get(ids[i]!) === origin.get(ids[j]!);
        const joined = story.get(ids[i]!) === story.get(ids[j]!);
        if (same) truth++;
        if (joined) found++;
        if (same && joined) right++;
      }
    }
    const wrongStory = ids.filter((id) => origin.get(story.get(id)!) !== origin.get(id)).length;
    return {
      articles: files.length,
      copies,
      pairs: { truth, found, right },
      precision: found === 0 ? 1 : right / found,
      recall: truth === 0 ? 1 : right / truth,
      wrongStory,
    };
  } finally {
    db.close();
  }
}

/**
 * Wire reports we write ourselves for load and crash tests: each names people, a group and a
 * base that no other report names (so what one report creates never depends on another's order),
 * beside entities the demo data knows (Hmeimim, Tartus, the Kremlin).
 */

const SYLLABLES = ['vol', 'mar', 'tesh', 'kor', 'dan', 'bel', 'ruz', 'ost', 'lin', 'grav', 'sen', 'tam'];
const FIRST_NAMES = ['Darek', 'Ilse', 'Tomas', 'Mirela', 'Anouk', 'Pavel', 'Sabine', 'Kasimir', 'Leona', 'Bruno'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

/** A made-up word unique to `n` among `width`-syllable words; capitalised. */
function word(n: number, width: number): string {
  let text = '';
  for (let i = 0, rest = n; i < width; i++, rest = Math.floor(rest / SYLLABLES.length)) {
    text += SYLLABLES[rest % SYLLABLES.length];
  }
  return text[0]!.toUpperCase() + text.slice(1);
}

export interface WireArticle {
  text: string;
  /** Names only this article uses. */
  ownNames: string[];
}

/** Report number `n` (0 ≤ n < 1728): a date line, four paragraphs, five or more claims. */
export function wireArticle(n: number): WireArticle {
  const spokesman = `${FIRST_NAMES[n % FIRST_NAMES.length]} ${word(n, 3)}in`;
  const analyst = `${FIRST_NAMES[(n + 3) % FIRST_NAMES.length]} ${word(n, 3)}ova`;
  const group = `${word(n, 2)} Monitoring Group`;
  const base = `${word(n, 3)} air base`;
  const day = String((n % 28) + 1).padStart(2, '0');
  const text = `date 2025-03-${day} BEIRUT: Russian engineers began dismantling radar equipment at the ${base} on ${WEEKDAYS[n % 5]}, ${spokesman}, a spokesman for the ${group}, said.

${analyst}, an analyst at the ${group}, said the equipment was probably bound for the Hmeimim air base.

The Kremlin declined to comment. Two officials who spoke on condition of anonymity denied that the Tartus naval facility had been handed over.

${spokesman} said convoy number ${n} had left the ${base} before dawn.
`;
  return { text, ownNames: [spokesman, analyst, group, base] };
}

/** What storing an article must leave in the database, whatever else is stored. */
export interface ExpectedRows {
  mentions: number;
  claims: number;
  about: number;
  /** Names of the entities it creates. */
  created: string[];
}

/**
 * Stores the reports one after another in a seeded in-memory database and records what each left.
 * Because each report's new names are its own, the same rows follow in any order; this checks that.
 */
export async function expectedRows(articles: readonly WireArticle[]): Promise<ExpectedRows[]> {
  const [{ openDatabase }, { seedDemo }, { ingestArticle }] = await Promise.all([
    import('@sitrep/db'),
    import('@sitrep/demo-data'),
    import('@sitrep/ingest'),
  ]);
  const db = openDatabase(':memory:');
  try {
    seedDemo(db);
    const rows = articles.map(({ text }) => {
      const result = ingestArticle(db, { text });
      const about = result.claims.length
        ? (
            db.sqlite
              .prepare(`select count(*) n from claim_about where claim_id in (${result.claims.map((c) => c.id)})`)
              .get() as { n: number }
          ).n
        : 0;
      const created = result.createdEntities.map((e) => e.name);
      const strays = db.sqlite
        .prepare(
          `select count(*) n from mentions where article_id <> ? and entity_id in (${result.createdEntities.map((e) => e.id).join() || 'null'})`,
        )
        .get(result.article.id) as { n: number };
      if (strays.n > 0) throw new Error(`generated reports share a new entity: ${created.join(', ')}`);
      return { mentions: result.mentions, claims: result.claims.length, about, created };
    });
    return rows;
  } finally {
    db.close();
  }
}

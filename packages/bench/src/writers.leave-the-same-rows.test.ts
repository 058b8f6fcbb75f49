import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@sitrep/db';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDatabase } from './build-database';
import { SCALES } from './scales';
import type { WriterName } from './writers';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-writers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TABLES = {
  entities:
    'id, kind, name, description, actor_type, affiliation_id, role, installation_type, place, region, country, latitude, longitude, operator_id, host_country_id, review_status',
  aliases: 'id, entity_id, name, normalized',
  articles: 'id, title, published_at, dateline, outlet, url, text, word_count, content_hash',
  mentions: 'id, article_id, entity_id, start, "end", text',
  claims:
    'id, article_id, quote, start, "end", source_text, source_actor_id, source_count, source_anonymous, stance, hedged, event_date, said_on, review_status',
  claim_about: 'claim_id, entity_id, role, said_on',
};

async function rowsBuiltBy(writer: WriterName) {
  const file = join(dir, `${writer}.db`);
  const scale = { ...SCALES.small, claims: 1_500, articles: 75, entities: 300 };
  await buildDatabase({ file, scale, seed: 7, writer });
  const db = openDatabase(file, { migrate: false });
  try {
    const rows: Record<string, unknown[]> = {};
    for (const [table, columns] of Object.entries(TABLES)) {
      rows[table] = db.sqlite.prepare(`select ${columns} from ${table} order by 1, 2`).all();
    }
    rows.search = db.sqlite
      .prepare(`select rowid from claims_fts where claims_fts match '"troops"' order by rowid`)
      .all();
    return rows;
  } finally {
    db.close();
  }
}

// The sql writer stands in for the real write path only when the real one is too slow for a
// scale; it must then build exactly the database the real one would (timestamps aside).
describe('the sql writer', () => {
  it('leaves the same rows as the real write path', { timeout: 120_000 }, async () => {
    const viaApi = await rowsBuiltBy('api');
    const viaSql = await rowsBuiltBy('sql');
    expect(viaApi.claims!.length).toBe(1_500);
    expect(viaApi.search!.length).toBeGreaterThan(0);
    expect(viaSql).toEqual(viaApi);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wireArticle } from '../hardening/wire-articles';
import { runSitrep } from '../helpers';
import { type Row, knowledgeBase } from '../helpers/knowledge-base';
import { postgresDatabase } from '../helpers/postgres';
import { type ServeProcess, serveProcess } from '../helpers/serve-process';

/*
 * `sitrep serve` on a SQLite file and on a PostgreSQL database `sitrep copy` filled from it, both
 * real processes: every mutation of the API, sent to both in the same order (a curator's day:
 * entities made, named, confirmed, merged; articles and claims added; sources graded; claims moved
 * between statements; a report ingested; and the mistakes a client makes), answers the same, and
 * leaves both knowledge bases the same, row for row.
 */

const url = await postgresDatabase('mutations on PostgreSQL');
const dir = mkdtempSync(join(tmpdir(), 'sitrep-mutate-pg-'));
const file = join(dir, 'kb.db');

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string }; path?: unknown }>;
}

const STATEMENT =
  'id claims(first: 20) { totalCount edges { node { id } } } curated credibility contested independentSources';

/** Mutations in order; `$…` in a later one is a global ID an earlier answer gave (`keep`). */
const STEPS: Array<{ query: string; keep?: (data: Record<string, unknown>) => Record<string, string> }> = [
  {
    query: `mutation { createActor(input: { name: "Harbour Watch Collective", aliases: ["HWC"], actorType: "monitoring group",
      description: "Volunteers who log ship movements" }) { actor { id name aliases actorType reviewStatus } } }`,
    keep: (d) => ({ $hwc: (d.createActor as { actor: { id: string } }).actor.id }),
  },
  {
    query: `mutation { createActor(input: { name: "Harbor Watch", role: "spotters", affiliation: "$russia" }) {
      actor { id name role affiliation { name } } } }`,
    keep: (d) => ({ $hw: (d.createActor as { actor: { id: string } }).actor.id }),
  },
  { query: 'mutation { createActor(input: { name: "Second HWC", aliases: ["HWC"] }) { actor { id } } }' },
  {
    query: `mutation { createInstallation(input: { name: "Qasr Dunes Depot", installationType: "logistics hub",
      location: { country: "Syria", place: "Qasr", latitude: 35.1, longitude: 36.7 }, operator: "$russia" }) {
      installation { id name installationType location { country place latitude longitude } operator { name } } } }`,
    keep: (d) => ({ $depot: (d.createInstallation as { installation: { id: string } }).installation.id }),
  },
  { query: 'mutation { addAlias(input: { entity: "$depot", name: "Dunes depot" }) { entity { id aliases } } }' },
  { query: 'mutation { addAlias(input: { entity: "$depot", name: "Hmeimim" }) { entity { id } } }' },
  {
    query:
      'mutation { setEntityReviewStatus(input: { entity: "$depot", status: CONFIRMED }) { entity { id reviewStatus } } }',
  },
  {
    query: `mutation { mergeEntities(input: { survivor: "$hwc", merged: "$hw" }) { entity { id name aliases
      ... on Actor { role affiliation { name } } } mergedId } }`,
  },
  { query: 'mutation { mergeEntities(input: { survivor: "$hwc", merged: "$hwc" }) { mergedId } }' },
  { query: 'mutation { mergeEntities(input: { survivor: "$hwc", merged: "$depot" }) { mergedId } }' },
  {
    query: `mutation { createArticle(input: { title: "Desk note on the depot", publishedAt: "2025-03-04",
      text: "Harbour Watch Collective said trucks left the Qasr Dunes Depot for Tartus at night.", outlet: "Desk" }) {
      article { id title publishedAt outlet wordCount } } }`,
    keep: (d) => ({ $note: (d.createArticle as { article: { id: string } }).article.id }),
  },
  {
    query: `mutation { createClaim(input: { article: "$note", quote: "trucks left the Qasr Dunes Depot for Tartus at night",
      source: { text: "Harbour Watch Collective", actor: "$hwc" }, about: [{ entity: "$depot" }], eventDate: "2025-03-03" }) {
      claim { id quote start end reviewStatus source { text actor { name } } statement { ${STATEMENT} } } } }`,
    keep: (d) => ({ $claim: (d.createClaim as { claim: { id: string } }).claim.id }),
  },
  { query: 'mutation { createClaim(input: { article: "$note", quote: "not in the text" }) { claim { id } } }' },
  {
    query:
      'mutation { setClaimReviewStatus(input: { claim: "$claim", status: REJECTED }) { claim { id reviewStatus } } }',
  },
  {
    query: `mutation { setSourceReliability(input: { actor: "$hwc", grade: B, note: "Logs checked against imagery" }) {
      actor { name reliability } change { previous grade note tokenId } } }`,
  },
  { query: 'mutation { setSourceReliability(input: { actor: "$depot", grade: A }) { change { grade } } }' },
  {
    query: `mutation { ingestArticle(input: { text: ${JSON.stringify(wireArticle(11).text)} }) {
      article { id title publishedAt } claims { id quote stance statement { ${STATEMENT} } } createdEntities { name } } }`,
    keep: (d) => {
      const claims = (d.ingestArticle as { claims: Array<{ id: string; statement: { id: string } }> }).claims;
      return { $moved: claims[0]!.id, $left: claims[1]!.id, $target: claims[2]!.statement.id };
    },
  },
  {
    query: `mutation { moveClaimToStatement(input: { claim: "$moved", statement: "$target" }) {
      claim { id } from { ${STATEMENT} } to { ${STATEMENT} } } }`,
  },
  {
    query: `mutation { moveClaimToStatement(input: { claim: "$left" }) { claim { id } from { id } to { ${STATEMENT} } } }`,
  },
  {
    query: `mutation { splitStatement(input: { statement: "$target", claims: ["$moved"] }) {
      statement { ${STATEMENT} } created { ${STATEMENT} } } }`,
  },
  { query: 'mutation { splitStatement(input: { statement: "$target", claims: ["$claim"] }) { created { id } } }' },
];

async function ask(server: ServeProcess, token: string, query: string): Promise<Answer> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as Answer;
}

const comparable = ({ data, errors }: Answer) => ({
  data,
  errors: errors?.map(({ message, extensions, path }) => ({ message, code: extensions?.code, path })),
});

describe.skipIf(!url)('mutations on PostgreSQL, beside the same on the SQLite file it was copied from', () => {
  let onSqlite: ServeProcess;
  let onPostgres: ServeProcess;
  const tokens = { sqlite: '', postgres: '' };

  beforeAll(async () => {
    expect(runSitrep(['seed', '--db', file, '--create']).status).toBe(0);
    expect(runSitrep(['copy', '--from', file, '--to', url!]).status).toBe(0);
    for (const [kind, db] of [
      ['sqlite', file],
      ['postgres', url!],
    ] as const) {
      const created = runSitrep(['token', 'create', '--scope', 'write', '--name', 'curator', '--db', db]);
      expect(created.status).toBe(0);
      tokens[kind] = created.stdout.trim();
    }
    [onSqlite, onPostgres] = await Promise.all([serveProcess(['--db', file]), serveProcess(['--db', url!])]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([onSqlite?.stop(), onPostgres?.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every mutation as SQLite does, errors included, and leaves the same knowledge base', async () => {
    const found = await ask(onSqlite, tokens.sqlite, '{ entity(name: "Russia") { id } }');
    const ids: Record<string, string> = { $russia: (found.data!.entity as { id: string }).id };
    const codes: Array<string | undefined> = [];
    for (const step of STEPS) {
      const query = step.query.replace(/\$\w+/g, (key) => ids[key] ?? key);
      const [sqlite, pg] = await Promise.all([
        ask(onSqlite, tokens.sqlite, query),
        ask(onPostgres, tokens.postgres, query),
      ]);
      expect({ query, answer: comparable(pg) }).toEqual({ query, answer: comparable(sqlite) });
      codes.push(sqlite.errors?.[0]?.extensions?.code);
      if (step.keep && sqlite.data) Object.assign(ids, step.keep(sqlite.data));
    }
    // The mistakes were refused, for what they were; everything else landed.
    expect(codes.filter(Boolean)).toEqual([
      'CONFLICT',
      'CONFLICT',
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
    ]);

    const sqlite = new Database(file, { readonly: true });
    const sql = postgres(url!, { max: 1, onnotice: () => {} });
    try {
      const fromSqlite = await knowledgeBase(async (query) => sqlite.prepare(query).all() as Row[]);
      const fromPostgres = await knowledgeBase(async (query) => [...(await sql.unsafe(query))]);
      for (const table of Object.keys(fromSqlite) as Array<keyof typeof fromSqlite>)
        expect({ table, rows: fromPostgres[table] }).toEqual({ table, rows: fromSqlite[table] });
    } finally {
      sqlite.close();
      await sql.end();
    }
  }, 120_000);
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type SitrepDatabase, openDatabase } from '@sitrep/db';
import { type ExtractedClaim, type ExtractedEntity, extractArticle } from '@sitrep/extract';
import { SCHEMA_FILE, schema } from '@sitrep/server';
import {
  ABOUT_ROLES,
  ACTOR_TYPES,
  ENTITY_KINDS,
  ENTITY_REVIEW_STATUSES,
  type EntityKind,
  INSTALLATION_TYPES,
  REVIEW_STATUSES,
  SEARCH_KINDS,
  STANCES,
  type Stance,
  graphqlName,
} from '@sitrep/vocabulary';
import { GraphQLEnumType, type GraphQLSchema, buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';

const ENUMS: Array<[graphqlType: string, values: readonly string[]]> = [
  ['EntityKind', ENTITY_KINDS],
  ['EntityReviewStatus', ENTITY_REVIEW_STATUSES],
  ['Stance', STANCES],
  ['ReviewStatus', REVIEW_STATUSES],
  ['AboutRole', ABOUT_ROLES],
  ['SearchKind', SEARCH_KINDS],
];

const enumIn = (built: GraphQLSchema, name: string) => {
  const type = built.getType(name);
  if (!(type instanceof GraphQLEnumType)) throw new Error(`${name} is not an enum in the schema`);
  return type.getValues();
};

describe('the GraphQL API', () => {
  it.each(ENUMS)('%s offers each value of the list, named in upper case, and no other', (name, values) => {
    const offered = enumIn(schema, name).map((v) => [v.name, v.value]);
    expect(offered.sort()).toEqual(values.map((v) => [graphqlName(v), v]).sort());
  });

  it.each(ENUMS)('%s in the committed schema.graphql names the same values', (name, values) => {
    const committed = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
    expect(
      enumIn(committed, name)
        .map((v) => v.name)
        .sort(),
    ).toEqual(values.map(graphqlName).sort());
  });
});

// Every column with a CHECK on a closed list, and a row that is whole but for that column.
const CHECKED: Array<{ table: string; column: string; values: readonly string[]; insert: string }> = [
  {
    table: 'entities',
    column: 'kind',
    values: ENTITY_KINDS,
    insert: `insert into entities (kind, name) values (:value, 'Somewhere')`,
  },
  {
    table: 'entities',
    column: 'review_status',
    values: ENTITY_REVIEW_STATUSES,
    insert: `insert into entities (kind, name, review_status) values ('actor', 'Someone', :value)`,
  },
  {
    table: 'claims',
    column: 'stance',
    values: STANCES,
    insert: `insert into claims (article_id, quote, start, end, stance, said_on) values (1, 'q', 0, 1, :value, '2025-01-01')`,
  },
  {
    table: 'claims',
    column: 'review_status',
    values: REVIEW_STATUSES,
    insert: `insert into claims (article_id, quote, start, end, stance, said_on, review_status) values (1, 'q', 0, 1, 'affirms', '2025-01-01', :value)`,
  },
];

describe('the SQLite database, migrated', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-vocabulary-'));
  let db: SitrepDatabase;

  beforeAll(() => {
    db = openDatabase(join(dir, 'sitrep.db'));
    db.sqlite
      .prepare(
        `insert into articles (title, published_at, text, word_count, content_hash) values ('t', '2025-01-01', 'q', 1, 'h')`,
      )
      .run();
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(CHECKED)('$table $column checks for exactly the list', ({ table, column, values }) => {
    const { sql } = db.sqlite.prepare(`select sql from sqlite_master where type = 'table' and name = ?`).get(table) as {
      sql: string;
    };
    const listed = new RegExp(`"${column}" in \\(([^)]*)\\)`).exec(sql)?.[1];
    expect(listed?.split(',').map((v) => v.trim().replace(/^'|'$/g, ''))).toEqual([...values]);
  });

  it.each(CHECKED)('$table $column accepts each value of the list', ({ insert, values }) => {
    for (const value of values) expect(() => db.sqlite.prepare(insert).run({ value })).not.toThrow();
  });

  it.each(CHECKED)('$table $column refuses a value outside it, and the API spelling', ({ insert, values }) => {
    for (const value of ['not_in_the_list', graphqlName(values[0]!)])
      expect(() => db.sqlite.prepare(insert).run({ value })).toThrow(/CHECK constraint failed/);
  });
});

describe('extraction', () => {
  it('types its stances and entity types by the lists', () => {
    expectTypeOf<ExtractedClaim['stance']>().toEqualTypeOf<Stance>();
    expectTypeOf<ExtractedEntity['type']>().toEqualTypeOf<EntityKind>();
  });

  it('gives, on its own knowledge, only the lists’ stances, kinds and types', () => {
    const { entities, claims } = extractArticle(
      'date 2024-12-15 LATAKIA: Russia is pulling its jets back from the Qarawi airbase but is not leaving Syria, four Syrian officials said. The Kremlin did not respond to a request for comment. A Russian naval base in Tartus was quiet, the Syrian Defence Ministry said.',
    );
    expect(new Set(claims.map((c) => c.stance))).toEqual(new Set(STANCES));
    for (const e of entities) {
      expect(ENTITY_KINDS).toContain(e.type);
      expect<readonly string[]>(e.type === 'actor' ? ACTOR_TYPES : INSTALLATION_TYPES).toContain(e.subtype);
    }
  });
});

describe('the packages', () => {
  const manifest = (pkg: string) =>
    JSON.parse(readFileSync(fileURLToPath(new URL(`../../packages/${pkg}/package.json`, import.meta.url)), 'utf8')) as {
      dependencies?: Record<string, string>;
    };

  it('vocabulary depends on nothing', () => {
    expect(manifest('vocabulary').dependencies ?? {}).toEqual({});
  });

  it.each(['extract', 'names', 'language-server'])('%s needs no database (@sitrep/db, better-sqlite3)', (pkg) => {
    const needs = Object.keys(manifest(pkg).dependencies ?? {});
    expect(needs).not.toContain('@sitrep/db');
    expect(needs).not.toContain('better-sqlite3');
  });
});

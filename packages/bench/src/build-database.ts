import { statSync } from 'node:fs';
import { type NewEntity, bulkLoad, openDatabase } from '@sitrep/db';
import { type ArticleSampler, claimsPerArticle, planArticle } from './article-plan';
import { type EntityPlan, type PlannedEntity, planEntities } from './entity-plan';
import { Random, Zipf } from './random';
import type { Scale } from './scales';
import { NOUNS, VERBS } from './words';
import { type LaidStatements, layStatements } from './lay-statements';
import { type Writer, type WriterName, apiWriter, sqlWriter } from './writers';

/** How skewed mentions are: with s = 1.1 over 20k entities the top name is in about one claim in five. */
export const ENTITY_ZIPF_S = 1.1;
/** Claims per write transaction. */
export const CLAIMS_PER_TRANSACTION = 2_000;
const ENTITIES_PER_TRANSACTION = 1_000;

export interface BuildFigures {
  /** `api` is the real write path; `sql` prepared statements (see writers.ts). */
  writer: WriterName;
  entities: number;
  aliases: number;
  articles: number;
  claims: number;
  mentions: number;
  claimAbout: number;
  entitySeconds: number;
  articleSeconds: number;
  /** Building the indexes, full-text index and per-entity counts once, after the rows (see bulkLoad). */
  indexSeconds: number;
  /** indexSeconds per step: each index, each search index and count catch-up, the commit. */
  indexSteps: Record<string, number>;
  checkpointSeconds: number;
  /** Making up the articles and claims to write (the bench's own work, left out of the rest). */
  planSeconds: number;
  /** Everything written: entities, articles with claims and mentions, and the final WAL checkpoint. */
  seconds: number;
  claimsPerSecond: number;
  /** The database file after the checkpoint (the WAL is then empty). */
  fileBytes: number;
  /** Statements laid over the claims after the load (see lay-statements.ts); not part of `seconds`. */
  statements: LaidStatements;
  /** Share of claims about the most talked-about entity. */
  topEntityShare: number;
  topEntity: string;
}

export interface BuiltDatabase {
  figures: BuildFigures;
  plan: EntityPlan;
}

export class BuildTimeout extends Error {
  constructor(
    readonly claims: number,
    readonly seconds: number,
  ) {
    super(
      `The build gave up after ${seconds.toFixed(0)} s with ${claims} claims written (${Math.round(claims / seconds)} claims/s through the real write path).`,
    );
  }
}

function entityRow(e: PlannedEntity, ids: number[], index: number): NewEntity {
  const idOf = (i: number | null) => (i == null ? null : ids[i]!);
  return {
    kind: e.kind,
    name: e.name,
    description: `${e.type}, made up for the benchmark (#${index + 1})`,
    actorType: e.kind === 'actor' ? e.type : null,
    affiliationId: idOf(e.affiliation),
    role: e.type === 'person' ? 'official' : null,
    installationType: e.kind === 'installation' ? e.type : null,
    place: e.kind === 'installation' ? `${e.name.split(' ')[0]} district` : null,
    region: e.region,
    country: e.hostCountry == null ? null : `country #${e.hostCountry + 1}`,
    latitude: e.latitude,
    longitude: e.longitude,
    operatorId: idOf(e.operator),
    hostCountryId: idOf(e.hostCountry),
  };
}

/** Lets timers and signal handlers run between transactions, and stops when asked to. */
async function breathe(signal: AbortSignal | undefined): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  signal?.throwIfAborted();
}

async function writeEntities(writer: Writer, plan: EntityPlan, check: () => Promise<void>): Promise<number[]> {
  const ids: number[] = [];
  for (let from = 0; from < plan.entities.length; from += ENTITIES_PER_TRANSACTION) {
    writer.transaction(() => {
      const to = Math.min(plan.entities.length, from + ENTITIES_PER_TRANSACTION);
      for (let i = from; i < to; i += 1) {
        const e = plan.entities[i]!;
        ids.push(writer.entity(entityRow(e, ids, i), e.aliases));
      }
    });
    await check();
  }
  return ids;
}

export interface BuildOptions {
  file: string;
  scale: Scale;
  seed: number;
  /** Default `api`, the real write path. */
  writer?: WriterName;
  /** Called every few seconds while articles are written. */
  onProgress?: (claims: number, total: number, seconds: number) => void;
  signal?: AbortSignal;
}

/**
 * Builds the benchmark database, by default through the real write path: createEntity (with its
 * aliases), createArticle, createMentions and createClaims, in transactions of about 2,000 claims,
 * all inside one bulkLoad (indexes and triggers built once at the end, as `sitrep ingest --bulk` does).
 */
export async function buildDatabase(options: BuildOptions): Promise<BuiltDatabase> {
  const { scale } = options;
  const random = new Random(options.seed);
  const plan = planEntities(random.fork(1), scale.entities);
  const sampler: ArticleSampler = {
    plan,
    entityZipf: new Zipf(plan.byRank.length, ENTITY_ZIPF_S),
    actorZipf: new Zipf(plan.actorsByRank.length, ENTITY_ZIPF_S),
    stateZipf: new Zipf(plan.statesByRank.length, 1.2),
    verbZipf: new Zipf(VERBS.length, 1),
    nounZipf: new Zipf(NOUNS.length, 1),
  };
  const perArticle = claimsPerArticle(random.fork(2), scale.articles, scale.claims);
  const articleRandom = random.fork(3);
  const db = openDatabase(options.file);
  try {
    const writerName = options.writer ?? 'api';
    const writer = writerName === 'api' ? apiWriter(db) : sqlWriter(db);
    const started = performance.now();
    let claims = 0;
    const check = async () => {
      const seconds = (performance.now() - started) / 1000;
      if (seconds > scale.buildTimeoutSeconds) throw new BuildTimeout(claims, seconds);
      await breathe(options.signal);
    };
    const counts = { mentions: 0, claimAbout: 0, index: 0 };
    // Making up the articles is the bench's work, not the database's: timed apart, not counted.
    let planMs = 0;
    let ids: number[] = [];
    let entitiesDone = started;
    // One bulk load: the write functions run as usual, the indexes and triggers are built once at the end.
    const { figures: bulk } = await bulkLoad(db, async () => {
      ids = await writeEntities(writer, plan, check);
      entitiesDone = performance.now();
      let lastReport = performance.now();
      while (counts.index < scale.articles) {
        writer.transaction(() => {
          let inBatch = 0;
          while (counts.index < scale.articles && inBatch < CLAIMS_PER_TRANSACTION) {
            const planFrom = performance.now();
            const planned = planArticle(
              articleRandom,
              sampler,
              counts.index,
              scale.articles,
              perArticle[counts.index]!,
            );
            planMs += performance.now() - planFrom;
            writer.article(planned, ids);
            for (const c of planned.claims) counts.claimAbout += c.about.length;
            counts.mentions += planned.mentions.length;
            claims += planned.claims.length;
            inBatch += planned.claims.length;
            counts.index += 1;
          }
        });
        const now = performance.now();
        if (now - lastReport > 5_000) {
          lastReport = now;
          options.onProgress?.(claims, scale.claims, (now - started) / 1000);
        }
        await check();
      }
    });
    const articlesDone = performance.now();
    const statements = layStatements(db);
    const statementsDone = performance.now();
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const finished = performance.now();
    const seconds = (finished - started - planMs - (statementsDone - articlesDone)) / 1000;
    const top = db.sqlite
      .prepare(
        `select e.name, count(*) as n from claim_about ca join entities e on e.id = ca.entity_id
         group by ca.entity_id order by n desc limit 1`,
      )
      .get() as { name: string; n: number } | undefined;
    const aliases = (db.sqlite.prepare('select count(*) as n from aliases').get() as { n: number }).n;
    return {
      plan,
      figures: {
        writer: writerName,
        entities: ids.length,
        aliases,
        articles: counts.index,
        claims,
        mentions: counts.mentions,
        claimAbout: counts.claimAbout,
        entitySeconds: (entitiesDone - started) / 1000,
        articleSeconds: (articlesDone - entitiesDone - planMs) / 1000 - bulk.rebuildSeconds,
        planSeconds: planMs / 1000,
        indexSeconds: bulk.rebuildSeconds,
        indexSteps: bulk.rebuildSteps,
        checkpointSeconds: (finished - statementsDone) / 1000,
        seconds,
        claimsPerSecond: claims / seconds,
        fileBytes: statSync(options.file).size,
        statements,
        topEntityShare: top ? top.n / claims : 0,
        topEntity: top?.name ?? '',
      },
    };
  } finally {
    db.close();
  }
}

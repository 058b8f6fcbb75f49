import { createHash } from 'node:crypto';
import {
  type ClaimFeaturesRow,
  type ClaimRow,
  type EntityRow,
  type IngestTarget,
  type IngestWrites,
  type StatementAboutRow,
  rankCandidates,
  writesOf,
} from '@sitrep/db';
import {
  CANDIDATE_WINDOW_DAYS,
  addDays,
  COMPARED_PER_STATEMENT,
  type CandidateStatement,
  type ClaimFacts,
  DURABLE_CLASSES,
  DURABLE_WINDOW_DAYS,
  type ReadClaim,
  SpeakerContext,
  type TermWeights,
  contradictionsOf,
  dayOf,
  featuresContent,
  featuresFromJson,
  featuresToJson,
  placeClaim,
  readClaim,
  termWeightOf,
} from '@sitrep/corroborate';
import { foldWord, normalizeName } from '@sitrep/names';
import { refreshStatements } from './figures';
import { type ClaimReadings, readAhead } from './read-ahead';

/** Statements read as candidates for one claim, those said last first. */
const MAX_CANDIDATES = 24;
/**
 * Statements read over the longer window of a claim that names a lasting event: a season holds
 * more statements about its entities, and only those naming the same lasting event are compared.
 */
const MAX_DURABLE_CANDIDATES = 4 * MAX_CANDIDATES;

/**
 * Claims as the grouping reads them, by id, per database (ids are only unique in one): reading one
 * (lemmas, counts, dates) costs a pass of the language model, and a statement's latest claims are
 * read again for every claim that may join it.
 */
const readCaches = new WeakMap<object, Map<number, ReadClaim>>();
const CACHE_LIMIT = 50_000;

function cacheOf(w: IngestWrites): Map<number, ReadClaim> {
  // Another process may edit a claim unseen: kept only where this connection sees every write.
  if (!w.keepsReadClaims) return new Map();
  let cache = readCaches.get(w.cacheKey);
  if (!cache) readCaches.set(w.cacheKey, (cache = new Map()));
  return cache;
}

function remember(cache: Map<number, ReadClaim>, id: number, claim: ReadClaim): ReadClaim {
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(id, claim);
  return claim;
}

const INSTALLATION_KEY = 'installation ';

/**
 * Words that say what kind of installation a name is, not which: "Tartous naval facility" and
 * "Tartus base" are one place, whichever entities ingest made of them.
 */
const INSTALLATION_WORDS = new Set(
  'air airbase airfield airport base facility field harbor harbour hub logistics military naval navy port station commercial main'.split(
    ' ',
  ),
);

/**
 * An entity's key as grouping compares it: an installation by its name without the words for its
 * kind, spellings folded ("installation tartus"), where something is left; anything else by its id.
 */
function keyOf(entity: Pick<EntityRow, 'id' | 'kind' | 'name'>): string {
  if (entity.kind !== 'installation') return String(entity.id);
  // Normalising and folding a name is most of reading a claim's entities: remembered per name.
  let key = installationKeys.get(entity.name);
  if (key === undefined) {
    if (installationKeys.size >= CACHE_LIMIT) installationKeys.clear();
    installationKeys.set(entity.name, (key = installationKey(entity.name)));
  }
  return key ?? String(entity.id);
}

const installationKeys = new Map<string, string | null>();

/** An installation's key by its name (`keyOf`), or null where only words for its kind are left. */
function installationKey(name: string): string | null {
  const core = normalizeName(name)
    .split(' ')
    .filter(Boolean)
    .map(foldWord)
    .filter((w) => !INSTALLATION_WORDS.has(w));
  return core.length > 0 ? `${INSTALLATION_KEY}${core.join(' ')}` : null;
}

/** The entity ids behind each key of a read claim's `about`: statements are looked up by id. */
const entityIdsByKey = new WeakMap<ClaimFacts, Map<string, number[]>>();

/** The entity ids of a read claim's entity keys (all of its entities when `keys` is left out). */
function entityIdsOf(claims: readonly ReadClaim[], keys?: ReadonlySet<string>): number[] {
  return [
    ...new Set(
      claims.flatMap((c) =>
        [...(entityIdsByKey.get(c.facts) ?? [])].flatMap(([k, ids]) => (keys === undefined || keys.has(k) ? ids : [])),
      ),
    ),
  ];
}

/**
 * Stored claims as the corroboration library reads them: entities as their ids, installations as
 * their place (`keyOf`). Their features are read from claim_features where they were stored from
 * what the claim says now, else read and stored there (inside the caller's transaction).
 */
export function readStored(
  target: IngestTarget,
  rows: readonly ClaimRow[],
  readings?: ClaimReadings,
): Map<number, ReadClaim> {
  const w = writesOf(target);
  const result = new Map<number, ReadClaim>();
  const cache = cacheOf(w);
  const missing = rows.filter((row) => {
    const cached = cache.get(row.id);
    if (cached) result.set(row.id, cached);
    return !cached;
  });
  if (missing.length === 0) return result;
  const ids = missing.map((c) => c.id);
  const context = w.claimContext(ids, [...new Set(missing.map((c) => c.articleId))]);
  const about = new Map<number, number[]>();
  for (const a of context.about) about.set(a.claimId, [...(about.get(a.claimId) ?? []), a.entityId]);
  const keys = new Map(context.entities.map((e) => [e.id, keyOf(e)]));
  const key = (id: number) => keys.get(id) ?? String(id);
  const stories = new Map(context.heads.map((a) => [a.id, a.storyId ?? a.id]));
  // Features read in an earlier process, where they were read from what the claim says now.
  const stored = context.features;
  const toStore: ClaimFeaturesRow[] = [];
  for (const row of missing) {
    const entities = about.get(row.id) ?? [];
    const byKey = new Map<string, number[]>();
    for (const id of entities) byKey.set(key(id), [...(byKey.get(key(id)) ?? []), id]);
    const facts: ClaimFacts = {
      id: String(row.id),
      articleId: String(row.articleId),
      storyId: String(stories.get(row.articleId) ?? row.articleId),
      quote: row.quote,
      about: [...byKey.keys()],
      installations: [...byKey.keys()].filter((k) => k.startsWith(INSTALLATION_KEY)),
      stance: row.stance,
      hedged: row.hedged,
      eventDate: row.eventDate,
      saidOn: row.saidOn,
      source:
        row.sourceText == null && row.sourceActorId == null
          ? null
          : {
              text: row.sourceText ?? '',
              actor: row.sourceActorId == null ? null : String(row.sourceActorId),
              count: row.sourceCount,
              anonymous: row.sourceAnonymous,
            },
    };
    entityIdsByKey.set(facts, byKey);
    const content = createHash('sha1').update(featuresContent(facts)).digest('base64');
    const kept = stored.get(row.id);
    const known = kept?.content === content ? featuresFromJson(kept.features) : undefined;
    const claim = readClaim(facts, known ?? readAhead(readings, facts));
    if (!known) toStore.push({ claimId: row.id, content, features: featuresToJson(claim.features) });
    result.set(row.id, remember(cache, row.id, claim));
  }
  // Where each write is a round trip, nothing to store costs none.
  if (toStore.length > 0) w.saveClaimFeatures(toStore);
  return result;
}

/**
 * Candidate statements and entities' statements in a window, as last read from the database, kept
 * from one article to the next on a connection: every article about Russia reads the same few
 * hundred statements, and most of them are not written between two articles. An entry is exactly
 * what the database would answer now: temporary triggers drop it when anything on the connection
 * writes what it was read from (`watchStatementWrites`); all are dropped when another connection
 * committed (data_version), or when a transaction that grouping wrote in was rolled back (the
 * epoch in the watch's table rolls back with it, and no longer matches `epoch`).
 */
interface SharedReads {
  epoch: number;
  dataVersion: number;
  statements: Map<number, CandidateStatement>;
  about: Map<string, StatementAboutRow[]>;
  /** The `about` keys of each entity. */
  aboutKeys: Map<number, string[]>;
}

const sharedReads = new WeakMap<object, SharedReads>();
/** Entries kept at most, of each kind: past it they start over. */
const SHARED_LIMIT = 20_000;

/**
 * The connection's shared reads, checked for this article (see SharedReads), and marked as in use:
 * until `sharedReadsDone` records the article's epoch, a failure leaves them unusable.
 */
function sharedReadsFor(w: IngestWrites): SharedReads {
  const watch = w.statementWatch;
  let shared = sharedReads.get(w.cacheKey);
  // Without a watch, every article starts from what the database holds.
  if (!watch) return freshSharedReads(shared, 0);
  const dataVersion = watch.dataVersion();
  const epoch = watch.epoch();
  // An epoch that is not the last one set: a transaction grouping wrote in rolled back, and the
  // claims it read may come back under their ids with other words (SQLite gives ids out again).
  if (shared && epoch !== shared.epoch) readCaches.delete(w.cacheKey);
  if (!shared || epoch === null || epoch !== shared.epoch || dataVersion !== shared.dataVersion) {
    const fresh = freshSharedReads(shared, dataVersion);
    shared = fresh;
    sharedReads.set(w.cacheKey, fresh);
    // The listener reads whichever shared reads are the connection's when a write happens.
    watch.watch(
      {
        statement: (id) => sharedReads.get(w.cacheKey)?.statements.delete(id),
        entity: (id) => {
          const current = sharedReads.get(w.cacheKey);
          for (const key of current?.aboutKeys.get(id) ?? []) current!.about.delete(key);
          current?.aboutKeys.delete(id);
        },
      },
      fresh.epoch,
    );
  }
  shared.epoch++;
  return shared;
}

const freshSharedReads = (last: SharedReads | undefined, dataVersion: number): SharedReads => ({
  epoch: (last?.epoch ?? 0) + 1,
  dataVersion,
  statements: new Map(),
  about: new Map(),
  aboutKeys: new Map(),
});

/**
 * The connection's shared reads that are still usable (as the next article would find them) and
 * differ from what the database answers now, by id or key: none, unless something wrote around
 * the watch. Empty when nothing is shared. For tests.
 */
export function staleSharedReads(target: IngestTarget): { checked: number; stale: string[] } {
  const w = writesOf(target);
  const shared = sharedReads.get(w.cacheKey);
  const watch = w.statementWatch;
  if (!shared || !watch || watch.epoch() !== shared.epoch || watch.dataVersion() !== shared.dataVersion)
    return { checked: 0, stale: [] };
  const stale: string[] = [];
  const ids = [...shared.statements.keys()];
  for (const row of w.candidateStatementRows(ids, COMPARED_PER_STATEMENT + 1)) {
    const kept = shared.statements.get(row.id)!;
    const now = {
      claims: row.latest.slice(-COMPARED_PER_STATEMENT).map(String),
      total: row.latest.length,
      curated: row.curated,
      conflicts: row.conflicts.map(String),
    };
    const then = {
      claims: kept.claims.map((c) => c.facts.id),
      total: kept.total,
      curated: kept.curated,
      conflicts: [...(kept.conflicts ?? [])].sort((x, y) => Number(x) - Number(y)),
    };
    if (JSON.stringify(now) !== JSON.stringify(then)) stale.push(`statement ${row.id}`);
  }
  for (const [entity, keys] of shared.aboutKeys)
    for (const key of keys) {
      const [, since, until, limit] = key.split(' ');
      const now = w.statementsAboutEntity(entity, since!, until!, Number(limit));
      if (JSON.stringify(now) !== JSON.stringify(shared.about.get(key))) stale.push(`about ${key}`);
    }
  return { checked: ids.length + shared.about.size, stale };
}

/** The article's grouping is written: the shared reads hold for the transaction as it now stands. */
function sharedReadsDone(w: IngestWrites, shared: SharedReads): void {
  w.statementWatch?.setEpoch(shared.epoch);
}

/**
 * Candidate statements as the placement rules read them, by id, for the article being grouped: an
 * article's claims share their entities, so they meet the same statements, and what this article
 * changes in them is applied here as it is written (`joined`, `conflicted`, `forget`).
 */
class CandidateReader {
  private readonly known = new Map<number, CandidateStatement>();
  /** Statements merged away during the article. */
  private readonly gone = new Set<number>();
  /**
   * The statements about an entity in a window, as stored before the article: its statements'
   * entities and days are written when they are regraded, at its end (`touched` adds them). The
   * article's claims share their entities and days, so most claims read no entity again.
   */
  private readonly about = new Map<string, StatementAboutRow[]>();

  constructor(
    private readonly w: IngestWrites,
    private readonly shared: SharedReads,
  ) {}

  private story: { id: string; statements: Map<string, number> } | undefined;

  /**
   * For a claim of a copy of a story (a wire report republished), the statements the story's
   * first article's claims with the same quote are in: among thousands of statements about
   * Russia, the bounded look-up by entity can miss the one the original's claim joined.
   */
  toldInStory(facts: ClaimFacts): number[] {
    if (facts.storyId == null || facts.storyId === facts.articleId) return [];
    if (this.story?.id !== facts.storyId) {
      const statements = new Map<string, number>();
      for (const c of this.w.claimsOfArticle(Number(facts.storyId)))
        if (c.statementId != null) statements.set(c.quote, c.statementId);
      this.story = { id: facts.storyId, statements };
    }
    const id = this.story.statements.get(facts.quote);
    return id === undefined ? [] : [id];
  }

  /**
   * The ranking of `around`, by its entities (sorted: the ranking does not depend on their order)
   * and window: an article's claims mostly name the same entities on the same day, and ranking a
   * hot entity's rows is a sort of a hundred. Cleared with `about`, whose rows it ranks.
   */
  private readonly ranked = new Map<string, number[]>();

  /** `statementCandidates`, each entity's statements in a window read once per article. */
  around(entityIds: readonly number[], since: string, until: string, limit: number): number[] {
    const ids = [...new Set(entityIds)];
    const rankKey = `${[...ids].sort((x, y) => x - y).join(',')} ${since} ${until} ${limit}`;
    const known = this.ranked.get(rankKey);
    if (known) return known;
    const perEntity = ids.map((id) => {
      const key = `${id} ${since} ${until} ${limit}`;
      let rows = this.about.get(key) ?? this.shared.about.get(key);
      if (!rows) {
        rows = this.w.statementsAboutEntity(id, since, until, limit);
        const shared = this.shared;
        if (shared.about.size >= SHARED_LIMIT) {
          shared.about.clear();
          shared.aboutKeys.clear();
        }
        shared.about.set(key, rows);
        shared.aboutKeys.set(id, [...(shared.aboutKeys.get(id) ?? []), key]);
      }
      this.about.set(key, rows);
      return rows;
    });
    const ranked = rankCandidates(perEntity, limit);
    this.ranked.set(rankKey, ranked);
    return ranked;
  }

  /**
   * The statements, in creation order (ties go to the earlier, as in the in-memory grouper): their
   * latest claims read, how many they hold, whether curated, and the statements they conflict with.
   */
  read(ids: readonly number[]): CandidateStatement[] {
    const ordered = [...new Set(ids)].filter((id) => !this.gone.has(id)).sort((x, y) => x - y);
    this.load(ordered.filter((id) => !this.known.has(id)));
    return ordered.flatMap((id) => this.known.get(id) ?? []);
  }

  /** A claim is joining statement `id` (called before it is assigned): it is now its latest. */
  joined(id: number, claim: ReadClaim, created: boolean): void {
    if (!created) this.read([id]);
    const known = this.known.get(id);
    this.known.set(
      id,
      known
        ? { ...known, claims: [...known.claims, claim].slice(-COMPARED_PER_STATEMENT), total: (known.total ?? 0) + 1 }
        : { id: String(id), claims: [claim], total: 1, curated: false, conflicts: new Set() },
    );
  }

  conflicted(a: number, b: number): void {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const known = this.known.get(x);
      if (known) this.known.set(x, { ...known, conflicts: new Set([...(known.conflicts ?? []), String(y)]) });
    }
  }

  /**
   * Statement `from` was merged into `into`: one is gone, the other read again when next asked for.
   * Deleting it took it off its entities' lists, where it may have kept another out: read them again.
   */
  merged(from: number, into: number): void {
    this.about.clear();
    this.ranked.clear();
    this.gone.add(from);
    this.known.delete(from);
    this.known.delete(into);
  }

  /**
   * Puts the statements `ids` as this article left them back in the connection's shared reads:
   * writing them dropped them there (`watchStatementWrites`), yet `joined` and `conflicted` kept
   * them exactly as the database now holds them, and the next article about the same entities
   * meets most of them again. Call once the article's last write to claims and conflicts is done.
   */
  shareWritten(ids: Iterable<number>): void {
    const shared = this.shared.statements;
    for (const id of ids) {
      const known = this.known.get(id);
      if (known === undefined || this.gone.has(id)) continue;
      if (shared.size >= SHARED_LIMIT) shared.clear();
      // As `load` reads it: the count of its latest rows, one past those compared at most.
      shared.set(id, { ...known, total: Math.min(known.total ?? known.claims.length, COMPARED_PER_STATEMENT + 1) });
    }
  }

  private load(wantedIds: readonly number[]): void {
    const ids: number[] = [];
    for (const id of wantedIds) {
      const shared = this.shared.statements.get(id);
      if (shared) this.known.set(id, shared);
      else ids.push(id);
    }
    if (ids.length === 0) return;
    const w = this.w;
    // One more than are compared, to know whether they are all it holds.
    const rows = w.candidateStatementRows(ids, COMPARED_PER_STATEMENT + 1);
    const cache = cacheOf(w);
    const wanted = [...new Set(rows.flatMap((row) => row.latest.slice(-COMPARED_PER_STATEMENT)))];
    const read = new Map<number, ReadClaim>();
    for (const id of wanted) {
      const cached = cache.get(id);
      if (cached) read.set(id, cached);
    }
    const unread = wanted.filter((id) => !read.has(id));
    if (unread.length > 0) for (const [id, claim] of readStored(w, w.claimsByIds(unread))) read.set(id, claim);
    const shared = this.shared.statements;
    if (shared.size + rows.length > SHARED_LIMIT) shared.clear();
    for (const row of rows) {
      const statement: CandidateStatement = {
        id: String(row.id),
        claims: row.latest.slice(-COMPARED_PER_STATEMENT).flatMap((claimId) => read.get(claimId) ?? []),
        // More than `claims` when it holds more than the latest compared: all that `placeClaim` asks.
        total: row.latest.length,
        curated: row.curated,
        conflicts: new Set(row.conflicts.map(String)),
      };
      this.known.set(row.id, statement);
      // Never changed in place (`joined` and `conflicted` make new ones): safe to share.
      shared.set(row.id, statement);
    }
  }
}

/**
 * The statements a claim is compared with: those about `entities` last said within
 * CANDIDATE_WINDOW_DAYS of its day, or DURABLE_WINDOW_DAYS where it names a lasting event (the
 * placement rules keep those in its window), and those this article touched (their entities and
 * days are written when the article's statements are regraded). At most MAX_CANDIDATES (MAX_DURABLE_CANDIDATES over the longer window),
 * and, for a copy of a story, the statement its first article's same quote is in.
 */
function candidatesAbout(
  reader: CandidateReader,
  claim: ReadClaim,
  entities: ReadonlySet<string>,
  ids: readonly number[],
  touched: ReadonlyMap<number, ReadonlySet<string>>,
): CandidateStatement[] {
  const day = dayOf(claim.facts)!;
  const found = [
    ...reader.around(ids, addDays(day, -CANDIDATE_WINDOW_DAYS), addDays(day, CANDIDATE_WINDOW_DAYS), MAX_CANDIDATES),
    ...reader.toldInStory(claim.facts),
  ];
  if ([...claim.features.eventClasses].some((c) => DURABLE_CLASSES.has(c)))
    found.push(
      ...reader.around(
        ids,
        addDays(day, -DURABLE_WINDOW_DAYS),
        addDays(day, DURABLE_WINDOW_DAYS),
        MAX_DURABLE_CANDIDATES,
      ),
    );
  for (const [id, about] of touched) if ([...entities].some((e) => about.has(e))) found.push(id);
  return reader.read(found);
}

/**
 * Merges statement `from` into `into`: its claims move, its conflicts are carried over, and it is
 * deleted (its conflicts and entities go with it).
 */
function mergeStatement(w: IngestWrites, from: number, into: number): void {
  w.assignClaims(w.claimIdsOfStatements([from]).get(from) ?? [], into);
  for (const c of w.conflictsOf([from])) if (c.otherId !== into) w.recordConflict(into, c.otherId, c.why);
  w.deleteStatementIfEmpty(from);
}

/**
 * In how many claims each term occurs, as last read, per connection. A term's weight changes
 * slowly as claims arrive, so counts read once serve until the claims counted have grown by a
 * tenth (another process may be ingesting too); this connection's own additions are counted in.
 */
const termCache = new WeakMap<object, { claims: number; counts: Map<string, number> }>();

/**
 * The terms of the article being grouped, per connection, counted as its claims are placed and
 * written at its end in one statement (a claim's terms are a score of rows, and most recur in the
 * article's other claims): until then a count read from the database adds them.
 */
const tallies = new WeakMap<object, { claims: number; terms: Map<string, number> }>();

function tallyOf(w: IngestWrites): { claims: number; terms: Map<string, number> } {
  let tally = tallies.get(w.cacheKey);
  if (!tally) tallies.set(w.cacheKey, (tally = { claims: 0, terms: new Map() }));
  return tally;
}

/** Writes the article's tally (`tallies`) and starts the next one empty. */
function writeTally(w: IngestWrites): void {
  const tally = tallyOf(w);
  w.addTermCounts(tally.claims, tally.terms);
  tallies.delete(w.cacheKey);
}

/**
 * Term weights over every claim counted so far, read as terms are asked for: one article's claims
 * compare with hundreds of candidates' claims, and listing all their terms up front cost more than
 * the comparisons. A weight, once asked for, holds for the rest of the article (one claim moves a
 * weight by a hair).
 */
export function weightsFor(target: IngestTarget): TermWeights {
  const w = writesOf(target);
  const total = w.termCountsOf([]).claims;
  let cache = termCache.get(w.cacheKey);
  if (!cache || Math.abs(total - cache.claims) > Math.max(50, cache.claims / 10)) {
    cache = { claims: total, counts: new Map() };
    termCache.set(w.cacheKey, cache);
  }
  const counts = cache.counts;
  const claims = cache.claims;
  const weights = new Map<string, number>();
  return {
    frozen: true,
    weight(term: string): number {
      let weight = weights.get(term);
      if (weight === undefined) {
        let df = counts.get(term);
        if (df === undefined) {
          df = (w.termCountsOf([term]).counts.get(term) ?? 0) + (tallies.get(w.cacheKey)?.terms.get(term) ?? 0);
          counts.set(term, df);
        }
        weight = termWeightOf(df, claims);
        weights.set(term, weight);
      }
      return weight;
    },
  };
}

/** Counts a claim's terms, in the article's tally (`tallies`) and in this connection's cache. */
function countTerms(w: IngestWrites, claim: ReadClaim): void {
  const terms = claim.features.terms;
  const tally = tallyOf(w);
  tally.claims++;
  for (const term of terms) tally.terms.set(term, (tally.terms.get(term) ?? 0) + 1);
  const cache = termCache.get(w.cacheKey);
  if (!cache) return;
  cache.claims++;
  for (const term of terms) if (cache.counts.has(term)) cache.counts.set(term, cache.counts.get(term)! + 1);
}

/**
 * Where each read is a round trip (`batchesReads`), the counts of the terms of these claims that
 * the cache lacks, read in one query, as `weight` would read them one at a time: a term's count
 * then follows `countTerms` as a count read later would, so the weights are the same either way.
 */
function prefetchTerms(w: IngestWrites, claims: readonly ReadClaim[]): void {
  const cache = termCache.get(w.cacheKey);
  if (!w.batchesReads || !cache) return;
  const missing = [...new Set(claims.flatMap((c) => [...c.features.terms]))].filter((t) => !cache.counts.has(t));
  if (missing.length === 0) return;
  const { counts } = w.termCountsOf(missing);
  const tally = tallies.get(w.cacheKey);
  for (const term of missing) cache.counts.set(term, (counts.get(term) ?? 0) + (tally?.terms.get(term) ?? 0));
}

/**
 * Places an article's new claims in statements, as they are stored (inside the ingest's
 * transaction), by the rules of the in-memory grouper (`placeClaim`, `contradictionsOf` of
 * @sitrep/corroborate): each joins the statement among those about its entities in its window that
 * says the same thing, or starts one; statements that repeat one other article and that it matches
 * too merge into that one; contradictions with the other candidates (and statements about what its
 * source spoke of before in the article) are recorded; every statement touched is regraded.
 * Returns each claim's statement.
 */
export function groupClaims(
  target: IngestTarget,
  claims: readonly ClaimRow[],
  readings?: ClaimReadings,
): Map<number, number> {
  const w = writesOf(target);
  const placed = new Map<number, number>();
  if (claims.length === 0) return placed;
  // A tally left by an article that failed was rolled back with it.
  tallies.delete(w.cacheKey);
  // Statements this article touched and the entities it added to them: statement_about has them
  // only once they are regraded, at the end.
  const touched = new Map<number, Set<string>>();
  const touch = (id: number, about: Iterable<string> = []) => {
    const set = touched.get(id) ?? new Set<string>();
    for (const e of about) set.add(e);
    touched.set(id, set);
  };
  // Placements are written together (assignStatements) before anything reads them from the
  // database: a merge, which moves a statement's stored claims, and the regrading at the end.
  // Until then the reader holds each statement as this article leaves it (`joined`).
  const unwritten = new Map<number, number>();
  const writePlacements = () => {
    if (unwritten.size === 0) return;
    w.assignStatements([...unwritten]);
    unwritten.clear();
  };
  const context = new SpeakerContext();
  const shared = sharedReadsFor(w);
  const reader = new CandidateReader(w, shared);
  const read = readStored(w, claims, readings);
  const articleWeights = weightsFor(w);
  for (const row of claims) {
    const claim = read.get(row.id)!;
    // Counted before it is placed, as the grouper counts it.
    countTerms(w, claim);
    const candidates = candidatesAbout(reader, claim, claim.features.about, entityIdsOf([claim]), touched);
    prefetchTerms(w, [claim, ...candidates.flatMap((c) => c.claims)]);
    const weights = articleWeights;
    const { joined, merged } = placeClaim(claim, candidates, weights);
    const statementId = joined ? Number(joined.id) : w.createStatement(row.saidOn);
    if (merged.length > 0) writePlacements();
    for (const id of merged.map(Number)) {
      mergeStatement(w, id, statementId);
      reader.merged(id, statementId);
      touch(statementId, touched.get(id) ?? []);
      touched.delete(id);
      for (const [claimId, at] of placed) if (at === id) placed.set(claimId, statementId);
    }
    reader.joined(statementId, claim, !joined);
    unwritten.set(row.id, statementId);
    placed.set(row.id, statementId);
    touch(statementId, claim.features.about);
    const spoken = context.of(claim.facts);
    const gone = new Set(merged);
    const disputed =
      spoken.size > 0
        ? candidatesAbout(
            reader,
            claim,
            new Set([...claim.features.about, ...spoken]),
            entityIdsOf([...read.values()], new Set([...claim.features.about, ...spoken])),
            touched,
          )
        : candidates.filter((c) => !gone.has(c.id));
    prefetchTerms(
      w,
      disputed.flatMap((c) => c.claims),
    );
    const known = reader.read([statementId])[0]!.conflicts;
    const found = contradictionsOf(claim, String(statementId), disputed, weights, { known, context: spoken });
    for (const conflict of found) {
      w.recordConflict(statementId, Number(conflict.statement), conflict.why);
      reader.conflicted(statementId, Number(conflict.statement));
      touch(Number(conflict.statement));
    }
  }
  writeTally(w);
  writePlacements();
  refreshStatements(w, [...touched.keys()]);
  reader.shareWritten(touched.keys());
  sharedReadsDone(w, shared);
  return placed;
}

/**
 * Groups the claims a bulk load stored without grouping (its indexes were set aside), article by
 * article in publication order, each article in a transaction of its own.
 */
export function groupUngroupedClaims(target: IngestTarget, onArticle?: (done: number, total: number) => void): number {
  const w = writesOf(target);
  const articles = w.articlesWithUngroupedClaims();
  articles.forEach((articleId, i) => {
    w.transaction(() =>
      groupClaims(
        w,
        w.claimsOfArticle(articleId).filter((c) => c.statementId == null),
      ),
    );
    onArticle?.(i + 1, articles.length);
  });
  return articles.length;
}

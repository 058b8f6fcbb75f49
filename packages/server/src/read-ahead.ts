import type { ClaimRow, EntityGlance, EntityRow, GlanceAsk, MaybePromise, Page } from '@sitrep/db';
import {
  type FieldNode,
  type GraphQLField,
  type GraphQLResolveInfo,
  Kind,
  type SelectionSetNode,
  getArgumentValues,
  isInterfaceType,
  isObjectType,
} from 'graphql';
import type { Context } from './context';
import { groupRows } from './loaders';
import { type ConnectionArgs, plannedPage } from './pagination';
import { perPlace } from './selection';

/*
 * Where each read is a round trip (PostgreSQL), a query about one entity (the hover's) is read
 * ahead in one statement: `entity` looks at what its selection asks (statements, their latest
 * claims, the latest claims, with their pages) and primes the request's loaders and lists with
 * the answers. Each primed answer is keyed by the exact arguments of the read it stands for, so
 * a field asked in a way the glance did not read misses and reads on its own: reading ahead
 * changes how many statements a query costs, never what it answers.
 */

/** The selection's fields that a glance can answer, found once per place in a document. */
interface Look {
  statements: FieldNode[];
  tellings: FieldNode[];
  claims: FieldNode[];
}

/** Fields named `name` in a selection set, through fragments and inline fragments. */
function fieldsNamed(set: SelectionSetNode | undefined, name: string, info: GraphQLResolveInfo): FieldNode[] {
  if (!set) return [];
  return set.selections.flatMap((selection) => {
    switch (selection.kind) {
      case Kind.FIELD:
        return selection.name.value === name ? [selection] : [];
      case Kind.INLINE_FRAGMENT:
        return fieldsNamed(selection.selectionSet, name, info);
      case Kind.FRAGMENT_SPREAD:
        return fieldsNamed(info.fragments[selection.name.value]?.selectionSet, name, info);
    }
  });
}

/** The fields at `path` below `nodes` (edges, then node, then …). */
const below = (nodes: FieldNode[], path: string[], info: GraphQLResolveInfo): FieldNode[] =>
  path.reduce((at, name) => at.flatMap((node) => fieldsNamed(node.selectionSet, name, info)), nodes);

const lookOf = perPlace((info): Look | null => {
  const nodes = [...info.fieldNodes];
  const statements = below(nodes, ['statements'], info);
  const claims = below(nodes, ['claims'], info);
  const tellings = below(statements, ['edges', 'node', 'claims'], info);
  return statements.length + claims.length === 0 ? null : { statements, tellings, claims };
});

function argsOf(info: GraphQLResolveInfo, type: string, node: FieldNode): Record<string, unknown> | null {
  const owner = info.schema.getType(type);
  if (!isObjectType(owner) && !isInterfaceType(owner)) return null;
  const field: GraphQLField<unknown, unknown> | undefined = owner.getFields()[node.name.value];
  if (!field) return null;
  try {
    return getArgumentValues(field, node, info.variableValues);
  } catch {
    // Arguments the field's own resolver will refuse: nothing to read ahead for them.
    return null;
  }
}

interface StatementFilterArgs {
  filter?: { contested?: boolean | null; from?: string | null; to?: string | null } | null;
}

/** What the selection below `entity` asks that a glance reads; null when nothing. */
function askOf(entity: EntityRow, info: GraphQLResolveInfo): GlanceAsk | null {
  const look = lookOf(info);
  if (!look) return null;
  const statements: GlanceAsk['statements'][number][] = [];
  for (const node of look.statements) {
    const args = argsOf(info, 'Entity', node) as (ConnectionArgs & StatementFilterArgs) | null;
    const page = args && plannedPage(args);
    if (!page || args.filter?.from != null || args.filter?.to != null) continue;
    const contested = args.filter?.contested ?? null;
    const known = statements.some((s) => s.contested === contested && samePage(s.page, page));
    if (!known && statements.length < 2) statements.push({ contested, page });
  }
  const pageOf = (type: string, nodes: FieldNode[], unfiltered: boolean): Page | null => {
    for (const node of nodes) {
      const args = argsOf(info, type, node) as (ConnectionArgs & { filter?: unknown }) | null;
      if (args && (!unfiltered || args.filter == null)) {
        const page = plannedPage(args);
        if (page) return page;
      }
    }
    return null;
  };
  const claims = pageOf('Entity', look.claims, true);
  const tellings = statements.length > 0 ? pageOf('Statement', look.tellings, false) : null;
  if (statements.length === 0 && !claims) return null;
  const headIds = [entity.operatorId, entity.hostCountryId, entity.affiliationId].filter((id) => id != null);
  return { entityId: entity.id, headIds, statements, claims, tellings };
}

const samePage = (a: Page, b: Page) => a.limit === b.limit && a.offset === b.offset;

/** Keys of the lists a glance primes: the arguments of the read each stands for. */
export const aheadKey = {
  statements: (entity: number, contested: boolean | null, page: Page) =>
    `s:${entity}:${contested}:${page.limit}:${page.offset}`,
  statementCount: (entity: number, contested: boolean | null) => `sc:${entity}:${contested}`,
  claims: (entity: number, page: Page) => `c:${entity}:${page.limit}:${page.offset}`,
  claimCount: (entity: number) => `cc:${entity}`,
};

/** What the glance read for this request under `key` (the read's arguments), else `read()`; null: never read ahead. */
export function readAheadOr<T>(ctx: Context, key: string | null, read: () => T): T {
  const primed = key === null ? undefined : (ctx.ahead?.get(key) as T | undefined);
  return primed ?? read();
}

function prime(ctx: Context, ask: GlanceAsk, glance: EntityGlance): void {
  const { loaders } = ctx;
  const ahead = (ctx.ahead ??= new Map());
  const e = ask.entityId;
  loaders.aliases.prime(e, glance.aliases);
  loaders.claimStats.prime(e, glance.claimStats ?? { claims: 0, sources: 0, latest: null });
  for (const head of glance.heads) loaders.entityHead.prime(head.id, head);
  for (const article of glance.articles) loaders.article.prime(article.id, article);
  for (const [i, { contested, page }] of ask.statements.entries()) {
    const { rows, count } = glance.statements[i]!;
    ahead.set(aheadKey.statements(e, contested, page), rows);
    ahead.set(aheadKey.statementCount(e, contested), count);
    const conflicts = groupRows(
      rows.map((row) => row.id),
      glance.conflicts,
      (c) => c.statementId,
    );
    for (const row of rows) {
      loaders.statement.prime(row.id, row);
      loaders.statementConflicts.prime(row.id, conflicts.get(row.id)!);
    }
  }
  if (ask.tellings && glance.tellings) {
    for (const [statementId, rows] of glance.tellings) {
      loaders.statementClaims.prime({ statementId, ...ask.tellings }, rows);
    }
  }
  if (ask.claims && glance.claims) {
    ahead.set(aheadKey.claims(e, ask.claims), glance.claims.rows);
    ahead.set(aheadKey.claimCount(e), glance.claims.count);
  }
}

/**
 * Reads ahead what the selection below `entity` asks, where the store reads glances; a no-op
 * otherwise (SQLite: its reads are calls in this process, and one statement would save nothing).
 */
export async function readAhead(ctx: Context, entity: EntityRow | null, info: GraphQLResolveInfo): Promise<void> {
  const glances = ctx.store.glance;
  if (!glances || !entity) return;
  const ask = askOf(entity, info);
  if (ask) prime(ctx, ask, await glances.glanceAt(ask));
}

/** What a page of claims shows beside each claim, found once per place in a document. */
interface AroundLook {
  about: boolean;
  sources: boolean;
  articles: boolean;
}

const aroundLookOf = perPlace((info): AroundLook | null => {
  const nodes = below([...info.fieldNodes], ['edges', 'node'], info);
  const about = below(nodes, ['about'], info).length > 0;
  const sources = below(nodes, ['source', 'actor'], info).length > 0;
  const articles = below(nodes, ['article'], info).length > 0;
  return about || sources || articles ? { about, sources, articles } : null;
});

async function primeAround(ctx: Context, look: AroundLook, claims: ClaimRow[]): Promise<ClaimRow[]> {
  const glances = ctx.store.glance!;
  const unique = (ids: Array<number | null>) => [...new Set(ids.filter((id) => id != null))];
  const around = await glances.aroundClaims({
    aboutOf: look.about ? claims.map((c) => c.id) : [],
    headIds: look.sources ? unique(claims.map((c) => c.sourceActorId)) : [],
    articleIds: look.articles ? unique(claims.map((c) => c.articleId)) : [],
  });
  const { loaders } = ctx;
  if (look.about) {
    const byClaim = groupRows(
      claims.map((c) => c.id),
      around.about,
      (row) => row.claimId,
    );
    for (const [claimId, rows] of byClaim) loaders.claimAbout.prime(claimId, rows);
  }
  for (const head of around.heads) loaders.entityHead.prime(head.id, head);
  for (const article of around.articles) loaders.article.prime(article.id, article);
  return claims;
}

/**
 * A page of claims with what its selection shows beside each (subjects, source actors, articles)
 * read ahead in one statement, where the store reads glances; the page as it is otherwise. For a
 * list at the top of a query only: pages nested in a list (each article's claims) would read
 * their surroundings once per page, where the loaders batch them into one read for all.
 */
export function withSurroundings(
  ctx: Context,
  info: GraphQLResolveInfo,
  claims: MaybePromise<ClaimRow[]>,
): MaybePromise<ClaimRow[]> {
  if (!ctx.store.glance) return claims;
  const look = aroundLookOf(info);
  if (!look) return claims;
  return Promise.resolve(claims).then((rows) => (rows.length === 0 ? rows : primeAround(ctx, look, rows)));
}

import { type IngestWrites, type SourceReliabilityChangeRow, thenMaybe } from '@sitrep/db';
import type { refreshStatements } from '@sitrep/ingest';
import { DEFAULT_RELIABILITY, SitrepError } from '@sitrep/vocabulary';
import { builder } from '../builder';
import { rowIdOf } from '../global-id';
import { loadEntityOrThrow, loadOrThrow } from '../loaders';
import { ReliabilityGradeEnum } from './enums';
import { checkInputText } from './input-text';
import { ActorRef, ClaimRef, StatementRef } from './refs';
import { writerOf } from '../writer';

const ReliabilityChangeRef = builder.objectRef<SourceReliabilityChangeRow>('ReliabilityChange');
ReliabilityChangeRef.implement({
  description: 'A curator’s change of a source’s reliability grade.',
  fields: (t) => ({
    previous: t.expose('previous', { type: ReliabilityGradeEnum }),
    grade: t.expose('grade', { type: ReliabilityGradeEnum }),
    note: t.exposeString('note', { nullable: true }),
    tokenId: t.exposeInt('tokenId', {
      nullable: true,
      description: 'The API token that made the change (see `sitrep token list`).',
    }),
    changedAt: t.expose('changedAt', { type: 'DateTime' }),
  }),
});

builder.objectFields(ActorRef, (t) => ({
  reliability: t.field({
    type: ReliabilityGradeEnum,
    description: 'How reliable this actor has been as a source, as curators grade it (A–F); F until one does.',
    resolve: (actor, _args, ctx) =>
      thenMaybe(ctx.store.reliabilityOf([actor.id]), (grades) => grades.get(actor.id) ?? DEFAULT_RELIABILITY),
  }),
  reliabilityChanges: t.field({
    type: [ReliabilityChangeRef],
    description: 'Every change of its grade, newest first: who and when.',
    resolve: (actor, _args, ctx) => ctx.store.reliabilityChanges([actor.id]),
  }),
}));

type Refresh = typeof refreshStatements;

// Grading lives with ingest, which the server loads on the first write that needs it.
const loadRefresh = async (): Promise<Refresh> => (await import('@sitrep/ingest')).refreshStatements;

/** Regrades statements after claims moved or a grade changed, deleting any left empty; returns those kept. */
function regrade(writer: IngestWrites, refresh: Refresh, ids: readonly number[]): number[] {
  const kept = [...new Set(ids)].filter((id) => !writer.deleteStatementIfEmpty(id));
  refresh(writer, kept);
  return kept;
}

builder.relayMutationField(
  'setSourceReliability',
  {
    inputFields: (t) => ({
      actor: t.globalID({ required: true, description: 'The source actor to grade.' }),
      grade: t.field({ type: ReliabilityGradeEnum, required: true }),
      note: t.string({ description: 'Why, for the next curator.' }),
    }),
  },
  {
    description:
      'Grades how reliable an actor is as a source (A–F); recorded with the token and time, and every statement it stands behind is regraded.',
    resolve: async (_root, { input }, ctx) => {
      checkInputText(input);
      const actorId = rowIdOf(input.actor, ['Actor'], 'actor');
      const writer = writerOf(ctx);
      const refresh = await loadRefresh();
      const change = writer.transaction(() => {
        writer.requireEntity(actorId, 'actor');
        const row = writer.setSourceReliability(actorId, input.grade, ctx.viewer.tokenId, input.note ?? null);
        regrade(writer, refresh, writer.statementIdsWithSourceActor(actorId));
        return row;
      });
      return { actorId, change };
    },
  },
  {
    outputFields: (t) => ({
      actor: t.field({
        type: ActorRef,
        resolve: (p, _args, ctx, info) => loadEntityOrThrow(ctx.loaders, p.actorId, info),
      }),
      change: t.field({ type: ReliabilityChangeRef, resolve: (p) => p.change }),
    }),
  },
);

builder.relayMutationField(
  'moveClaimToStatement',
  {
    inputFields: (t) => ({
      claim: t.globalID({ required: true }),
      statement: t.globalID({ description: 'The statement it joins; left out, it becomes a statement of its own.' }),
    }),
  },
  {
    description:
      'Moves a claim to another statement, or out into one of its own. Both statements are marked curated (grouping adds to them, never takes them apart) and regraded; one left empty is deleted.',
    resolve: async (_root, { input }, ctx) => {
      const claimId = rowIdOf(input.claim, ['Claim'], 'claim');
      const claim = await loadOrThrow(ctx.loaders.claim, claimId, 'claim');
      const target = input.statement ? rowIdOf(input.statement, ['Statement'], 'statement') : null;
      if (target !== null) await loadOrThrow(ctx.loaders.statement, target, 'statement');
      const from = claim.statementId;
      const refresh = await loadRefresh();
      const writer = writerOf(ctx);
      const { to, kept } = writer.transaction(() => {
        const to = target ?? writer.createStatement(claim.saidOn);
        const touched = from == null ? [to] : [from, to];
        writer.assignClaims([claimId], to);
        writer.markCurated(touched);
        return { to, kept: regrade(writer, refresh, touched) };
      });
      // The rows loaded above are from before the move: the payload reads them afresh.
      ctx.loaders.claim.clear(claimId);
      for (const id of [from, to]) if (id != null) ctx.loaders.statement.clear(id);
      return { claimId, from: from != null && kept.includes(from) ? from : null, to };
    },
  },
  {
    outputFields: (t) => ({
      claim: t.field({
        type: ClaimRef,
        resolve: (p, _args, ctx) => loadOrThrow(ctx.loaders.claim, p.claimId, 'claim'),
      }),
      from: t.field({
        type: StatementRef,
        nullable: true,
        description: 'The statement it left; null when that statement was left empty and deleted.',
        resolve: (p, _args, ctx) => (p.from == null ? null : ctx.loaders.statement.load(p.from)),
      }),
      to: t.field({
        type: StatementRef,
        resolve: (p, _args, ctx) => loadOrThrow(ctx.loaders.statement, p.to, 'statement'),
      }),
    }),
  },
);

builder.relayMutationField(
  'splitStatement',
  {
    inputFields: (t) => ({
      statement: t.globalID({ required: true }),
      claims: t.globalIDList({
        required: true,
        description: 'Claims of the statement that leave it together, as a new statement.',
      }),
    }),
  },
  {
    description:
      'Splits a statement in two: the claims given leave it as a new statement. Both are marked curated and regraded.',
    resolve: async (_root, { input }, ctx) => {
      const statementId = rowIdOf(input.statement, ['Statement'], 'statement');
      const statement = await loadOrThrow(ctx.loaders.statement, statementId, 'statement');
      const writer = writerOf(ctx);
      const own = new Set(writer.claimIdsOfStatements([statementId]).get(statementId));
      const leaving = [...new Set(input.claims.map((c, i) => rowIdOf(c, ['Claim'], `claims[${i}]`)))];
      const stranger = leaving.find((id) => !own.has(id));
      if (stranger !== undefined) {
        throw new SitrepError('BAD_USER_INPUT', `Claim ${stranger} is not one of this statement's claims.`);
      }
      if (leaving.length === 0 || leaving.length === own.size) {
        throw new SitrepError('BAD_USER_INPUT', 'Give some of the statement’s claims, not none and not all.');
      }
      const refresh = await loadRefresh();
      const created = writer.transaction(() => {
        const created = writer.createStatement(statement.firstSaid);
        writer.assignClaims(leaving, created);
        writer.markCurated([statementId, created]);
        regrade(writer, refresh, [statementId, created]);
        return created;
      });
      ctx.loaders.statement.clear(statementId);
      return { statementId, created };
    },
  },
  {
    outputFields: (t) => ({
      statement: t.field({
        type: StatementRef,
        description: 'The statement, without the claims that left.',
        resolve: (p, _args, ctx) => loadOrThrow(ctx.loaders.statement, p.statementId, 'statement'),
      }),
      created: t.field({
        type: StatementRef,
        description: 'The new statement the claims formed.',
        resolve: (p, _args, ctx) => loadOrThrow(ctx.loaders.statement, p.created, 'statement'),
      }),
    }),
  },
);

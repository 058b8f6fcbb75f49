import type { ArticleHead, ClaimRow, EntityRow, MentionRow, StatementRow } from '@sitrep/db';
import { builder } from '../builder';

// Every output type's ref, declared before any type's fields, so type files import
// refs from here and never from each other (no circular-import `undefined`s).
export const EntityRef = builder.interfaceRef<EntityRow>('Entity');
export const ActorRef = builder.objectRef<EntityRow>('Actor');
export const InstallationRef = builder.objectRef<EntityRow>('Installation');
/** An article, with its text when it was read whole (an ingest's result), else loaded when asked for. */
export const ArticleRef = builder.objectRef<ArticleHead & { text?: string }>('Article');
export const MentionRef = builder.objectRef<MentionRow>('Mention');
export const ClaimRef = builder.objectRef<ClaimRow>('Claim');
export const StatementRef = builder.objectRef<StatementRow>('Statement');

// One connection type per node type (ClaimConnection, ClaimEdge), shared by every list of it.
const connection = <T extends Parameters<typeof builder.connectionObject>[0]['type']>(type: T, name: string) =>
  builder.connectionObject({ type, name: `${name}Connection` }, { name: `${name}Edge` });

export const EntityConnection = connection(EntityRef, 'Entity');
export const ActorConnection = connection(ActorRef, 'Actor');
export const InstallationConnection = connection(InstallationRef, 'Installation');
export const ArticleConnection = connection(ArticleRef, 'Article');
export const MentionConnection = connection(MentionRef, 'Mention');
export const ClaimConnection = connection(ClaimRef, 'Claim');
export const StatementConnection = connection(StatementRef, 'Statement');

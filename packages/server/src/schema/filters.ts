import { builder } from '../builder';
import { AboutRoleEnum, EntityKindEnum, EntityReviewStatusEnum, ReviewStatusEnum, StanceEnum } from './enums';

export const ClaimFilterInput = builder.inputType('ClaimFilter', {
  fields: (t) => ({
    about: t.globalID({ description: 'Only claims about this entity (an Actor or Installation ID).' }),
    aboutName: t.string({
      description:
        'Only claims about the entity with this name, found as `entity(name:)` finds it (any alias, case and diacritics folded). A name of no entity is NOT_FOUND. Give `about` or `aboutName`, not both.',
    }),
    sourceActor: t.globalID({ description: 'Only claims whose source belongs to this actor.' }),
    stance: t.field({ type: StanceEnum }),
    reviewStatus: t.field({ type: ReviewStatusEnum }),
    from: t.field({ type: 'Date', description: 'Published on or after this date.' }),
    to: t.field({ type: 'Date', description: 'Published on or before this date.' }),
  }),
});

export const ArticleFilterInput = builder.inputType('ArticleFilter', {
  fields: (t) => ({
    mentioning: t.globalID({ description: 'Only articles that mention this entity.' }),
    mentioningName: t.string({
      description:
        'Only articles that mention the entity with this name, found as `entity(name:)` finds it. A name of no entity is NOT_FOUND. Give `mentioning` or `mentioningName`, not both.',
    }),
    from: t.field({ type: 'Date', description: 'Published on or after this date.' }),
    to: t.field({ type: 'Date', description: 'Published on or before this date.' }),
  }),
});

export const EntityFilterInput = builder.inputType('EntityFilter', {
  fields: (t) => ({
    kind: t.field({ type: EntityKindEnum }),
    type: t.string({ description: 'Actor type (state, person, …) or installation type (air base, …).' }),
    nameContains: t.string({ description: 'Part of the name or of any alias, case- and diacritic-insensitive.' }),
    reviewStatus: t.field({
      type: EntityReviewStatusEnum,
      description:
        'Only entities with this status: CANDIDATE lists what ingestion created and no curator has confirmed.',
    }),
  }),
});

export const AboutInput = builder.inputType('ClaimAboutInput', {
  fields: (t) => ({
    entity: t.globalID({ required: true }),
    role: t.field({ type: AboutRoleEnum, defaultValue: 'subject' }),
  }),
});

export const StatementFilterInput = builder.inputType('StatementFilter', {
  fields: (t) => ({
    about: t.globalID({ description: 'Only statements about this entity (an Actor or Installation ID).' }),
    aboutName: t.string({
      description:
        'Only statements about the entity with this name, found as `entity(name:)` finds it. Give `about` or `aboutName`, not both.',
    }),
    contested: t.boolean({ description: 'Only contested statements (true), or only uncontested ones (false).' }),
    from: t.field({ type: 'Date', description: 'Said (last) on or after this date.' }),
    to: t.field({ type: 'Date', description: 'Said (first) on or before this date.' }),
  }),
});

export const EntityStatementFilterInput = builder.inputType('EntityStatementFilter', {
  fields: (t) => ({
    contested: t.boolean({ description: 'Only contested statements (true), or only uncontested ones (false).' }),
    from: t.field({ type: 'Date', description: 'Said (last) on or after this date.' }),
    to: t.field({ type: 'Date', description: 'Said (first) on or before this date.' }),
  }),
});

import {
  ABOUT_ROLES,
  ENTITY_KINDS,
  ENTITY_REVIEW_STATUSES,
  RELIABILITY_GRADES,
  RELIABILITY_MEANINGS,
  REVIEW_STATUSES,
  SEARCH_KINDS,
  STANCES,
} from '@sitrep/vocabulary';
import { builder } from '../builder';
import { enumValues } from './enum-values';

export const EntityKindEnum = builder.enumType('EntityKind', {
  values: enumValues(ENTITY_KINDS, {
    actor: 'A state, body, armed group, person or organisation.',
    installation: 'A base, airfield, port, post or station.',
  }),
});

export const StanceEnum = builder.enumType('Stance', {
  values: enumValues(STANCES, { no_comment: 'The source declined or did not answer a request for comment.' }),
});

export const ReviewStatusEnum = builder.enumType('ReviewStatus', {
  values: enumValues(REVIEW_STATUSES, { extracted: 'Produced by extraction, not yet reviewed by a person.' }),
});

export const EntityReviewStatusEnum = builder.enumType('EntityReviewStatus', {
  description: 'Whether a person stands behind an entity.',
  values: enumValues(ENTITY_REVIEW_STATUSES, {
    candidate: 'Created by ingestion from an article; no curator has confirmed it yet.',
    confirmed: 'Typed in by a person, part of the curated data, or confirmed by a curator.',
    rejected: 'A curator found it is not a real actor or installation.',
  }),
});

export const AboutRoleEnum = builder.enumType('AboutRole', { values: enumValues(ABOUT_ROLES) });

export const SearchKindEnum = builder.enumType('SearchKind', { values: enumValues(SEARCH_KINDS) });

export const ReliabilityGradeEnum = builder.enumType('ReliabilityGrade', {
  description: 'Source reliability on the NATO / Admiralty scale.',
  values: enumValues(RELIABILITY_GRADES, RELIABILITY_MEANINGS),
});

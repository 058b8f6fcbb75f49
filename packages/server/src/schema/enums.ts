import { builder } from '../builder';

export const EntityKindEnum = builder.enumType('EntityKind', {
  values: {
    ACTOR: { value: 'actor', description: 'A state, body, armed group, person or organisation.' },
    INSTALLATION: { value: 'installation', description: 'A base, airfield, port, post or station.' },
  } as const,
});

export const StanceEnum = builder.enumType('Stance', {
  values: {
    AFFIRMS: { value: 'affirms' },
    DENIES: { value: 'denies' },
    NO_COMMENT: { value: 'no_comment', description: 'The source declined or did not answer a request for comment.' },
  } as const,
});

export const ReviewStatusEnum = builder.enumType('ReviewStatus', {
  values: {
    EXTRACTED: { value: 'extracted', description: 'Produced by extraction, not yet reviewed by a person.' },
    VERIFIED: { value: 'verified' },
    REJECTED: { value: 'rejected' },
  } as const,
});

export const EntityReviewStatusEnum = builder.enumType('EntityReviewStatus', {
  description: 'Whether a person stands behind an entity.',
  values: {
    CANDIDATE: {
      value: 'candidate',
      description: 'Created by ingestion from an article; no curator has confirmed it yet.',
    },
    CONFIRMED: {
      value: 'confirmed',
      description: 'Typed in by a person, part of the curated data, or confirmed by a curator.',
    },
    REJECTED: { value: 'rejected', description: 'A curator found it is not a real actor or installation.' },
  } as const,
});

export const AboutRoleEnum = builder.enumType('AboutRole', {
  values: {
    SUBJECT: { value: 'subject' },
    OBJECT: { value: 'object' },
    LOCATION: { value: 'location' },
  } as const,
});

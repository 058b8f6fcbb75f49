export const STANCES = ['affirms', 'denies', 'no_comment'] as const;
export type Stance = (typeof STANCES)[number];

/** A claim's review: extraction files it as `extracted`; a person verifies or rejects it. */
export const REVIEW_STATUSES = ['extracted', 'verified', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** What an entity is to a claim about it. */
export const ABOUT_ROLES = ['subject', 'object', 'location'] as const;
export type AboutRole = (typeof ABOUT_ROLES)[number];

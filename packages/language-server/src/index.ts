export { NameMatcher, type NameEntry, type NameMatch } from '@sitrep/names';
export { renderHover, renderAllFacts, escapeMarkdown, shorten } from './render';
export { resolveSettings, type Settings, DEFAULT_ENDPOINT } from './settings';
export { startSitrepServer } from './server';
export * from './protocol';
export type { EntityFacts, ClaimFact } from '@sitrep/vocabulary';

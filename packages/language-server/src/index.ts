export { NameMatcher, type NameEntry, type NameMatch } from '@sitrep/names';
export { renderHover, renderAllFacts, escapeMarkdown, shorten } from './render';
export { resolveSettings, type Settings, DEFAULT_ENDPOINT } from './settings';
export { startSitrepServer, type Status } from './server';
export type { EntityFacts, ClaimFact } from './facts';

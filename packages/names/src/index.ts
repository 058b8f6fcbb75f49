export { normalizeName, lookupKeys, foldWord } from './normalize';
export { NameMatcher, type NameEntry, type NameMatch } from './matcher';

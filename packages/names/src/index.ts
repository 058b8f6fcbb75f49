export { normalizeName, lookupKeys, foldWord } from './normalize';

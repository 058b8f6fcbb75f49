import { foldWord, normalizeName } from '@sitrep/names';
import countries from 'world-countries';

// Peoples and faiths that are no country's demonym but read like one ("Arab officials").
const PEOPLES =
  'Arab Arabian Kurd Kurdish Persian Berber Turkmen Alawite Druze Sunni Shia Shiite Western European African Asian';

// Words any article writes, capitalised at the start of a sentence or in a headline, and nouns that
// name a kind of thing rather than one thing ("the base", "the Ministry"): a name made only of these
// is a description.
const COMMON_WORDS = `a an the this that these those his her its their our my your some any all both each every other
  another such no not and or but of in on at to for from by with about as after before over under near into
  he she it we they i you who which what when where there here then now today yesterday new old former
  said says say told according also only just more most many few several two three first last next
  one same mr ms mrs dr
  monday tuesday wednesday thursday friday saturday sunday
  base bases airbase airbases air naval navy port ports harbour harbor airport airfield airfields field
  facility facilities station post posts camp camps barracks depot site sites runway hangar fleet
  ministry ministries government authority authorities administration office agency department council
  committee commission command headquarters army armed forces force military troops soldiers officials
  official sources source spokesman spokeswoman spokesperson president minister ministers leader leaders
  regime state states embassy rebels fighters militia group company firm outlet newspaper
  defence defense foreign interior security intelligence coast guard national federal central
  country countries city region province village border north south east west northern southern eastern western`;

const wordsOf = (text: string) => new Set(text.split(/\s+/).filter(Boolean).map(foldWord));

/** Folded demonyms of every country (and their plurals: "Syrians", "Arabs"), and of the peoples above. */
const DEMONYMS = (() => {
  const names = new Set<string>();
  const add = (demonym: string) => {
    const key = normalizeName(demonym);
    if (key === '') return;
    names.add(key);
    if (!/(s|h|z)$/.test(key)) names.add(`${key}s`);
  };
  for (const country of countries) {
    for (const demonym of [country.demonyms?.eng?.m, country.demonyms?.eng?.f]) {
      // Some list two peoples in one string: "Antiguan, Barbudan", "Kittitian or Nevisian".
      for (const one of (demonym ?? '').split(/,| or /)) add(one);
    }
  }
  for (const people of PEOPLES.split(' ')) add(people);
  return names;
})();

const COMMON = wordsOf(COMMON_WORDS);

/** A name's words folded as the matcher folds them, without a leading "the" or a possessive. */
const keyWords = (name: string) =>
  normalizeName(name.replace(/['’]s$/u, ''))
    .split(' ')
    .filter(Boolean)
    .map(foldWord);

/** Whether `part` is a run of `whole`'s words, shorter than all of it ("Arab" of "The New Arab"). */
function isFragmentOf(part: readonly string[], whole: readonly string[]): boolean {
  if (part.length === 0 || part.length >= whole.length) return false;
  for (let i = 0; i + part.length <= whole.length; i += 1) {
    if (part.every((word, j) => word === whole[i + j])) return true;
  }
  return false;
}

/**
 * Whether a name is no one thing's own: a demonym ("Arab", "Syrians") or made only of common words
 * and generic nouns ("Base", "The Ministry", "Air Base").
 */
export function isGenericName(name: string): boolean {
  const words = keyWords(name);
  return words.length === 0 || words.every((word) => COMMON.has(word)) || DEMONYMS.has(normalizeName(name));
}

/**
 * Whether a name an article gives an entity may be stored as its alias, or used to link it: a proper
 * name of its own, not generic (isGenericName) and not a fragment of the entity's own name ("Arab"
 * of "The New Arab"). Stored aliases are matched everywhere afterwards, so a doubtful one is left out.
 */
export function isAliasWorthKeeping(alias: string, entityName: string): boolean {
  const trimmed = alias.trim();
  if (trimmed.length > 60 || !/^[\p{Lu}\d]/u.test(trimmed) || /^(The|His|Her|Its|Their)\s/.test(trimmed)) return false;
  return !isGenericName(trimmed) && !isFragmentOf(keyWords(trimmed), keyWords(entityName));
}

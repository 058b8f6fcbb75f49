import type { ActorType, EntityKind, InstallationType } from '@sitrep/vocabulary';
import countries from 'world-countries';

/** A name general knowledge gives us, and what it stands for. */
export interface KnownName {
  surface: string;
  canonical: string;
  type: EntityKind;
  subtype: ActorType | InstallationType;
  /** How the name refers: the entity's own name, a demonym or a capital standing for the state. */
  via: 'name' | 'demonym' | 'capital';
}

// Short names that are also common words or people's names: they only count in full forms.
const AMBIGUOUS = new Set(['Chad', 'Jersey', 'Georgia', 'Jordan', 'Guinea', 'China Town', 'Dominica', 'Niue']);
// Capitals that are ordinary words, or names of many other places, do not stand for their state.
const AMBIGUOUS_CAPITALS = new Set([
  'Victoria',
  'Kingston',
  'Hamilton',
  'Georgetown',
  'Saint John',
  'Avarua',
  'Palikir',
]);

/** Countries, their demonyms ("Syrian", "the Russians") and capitals ("Moscow" for Russia), from world-countries. */
export function countryNames(): KnownName[] {
  const names: KnownName[] = [];
  for (const country of countries) {
    if (!country.independent && country.unMember !== true) continue;
    const canonical = country.name.common;
    const state = { canonical, type: 'actor' as const, subtype: 'state' as const };
    const own = new Set([canonical, country.name.official]);
    for (const spelling of country.altSpellings) if (/^[A-Z][a-z]+( [A-Z][a-z]+)*$/.test(spelling)) own.add(spelling);
    for (const surface of own)
      if (!AMBIGUOUS.has(surface) && surface.length > 2) names.push({ ...state, surface, via: 'name' });
    const demonyms = new Set([country.demonyms?.eng?.m, country.demonyms?.eng?.f].filter((d): d is string => !!d));
    for (const demonym of demonyms) {
      names.push({ ...state, surface: demonym, via: 'demonym' });
      // "the Russians": a plural demonym names the state's people or forces.
      // Only "-an" demonyms pluralise with an s ("the Russians"; not "the Frenchs").
      if (demonym.endsWith('an')) {
        names.push({ ...state, surface: `the ${demonym}s`, via: 'demonym' });
        names.push({ ...state, surface: `The ${demonym}s`, via: 'demonym' });
      }
    }
    for (const capital of country.capital ?? []) {
      if (!AMBIGUOUS_CAPITALS.has(capital)) names.push({ ...state, surface: capital, via: 'capital' });
    }
  }
  return names;
}

/** Names of countries as canonical names: "Russia", "Syria", … (for telling states from other names). */
export function stateNames(): Set<string> {
  return new Set(countries.map((c) => c.name.common));
}

import countries from 'world-countries';

let codes: Map<string, string> | undefined;

/**
 * The ISO 3166-1 alpha-2 code STIX asks `location.country` to hold, for a country as Sitrep stores
 * it (a name: "Syria", "Syrian Arab Republic", or already "SY"); undefined for a name no country has.
 */
export function countryCode(name: string | null): string | undefined {
  if (!name) return undefined;
  if (!codes) {
    codes = new Map();
    for (const c of countries)
      for (const n of [c.name.common, c.name.official, c.cca2, ...c.altSpellings]) codes.set(n.toLowerCase(), c.cca2);
  }
  return codes.get(name.trim().toLowerCase());
}

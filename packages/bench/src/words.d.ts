/**
 * Our own word lists for synthetic news text. Nothing here comes from the corpus: the words are
 * the generic vocabulary of defence reporting, and the names are built from syllables.
 */
import type { EntityKind } from '@sitrep/vocabulary';
/** Syllables for made-up place, group and family names ("Kavoren", "Ostrila"). */
export declare const ONSETS: readonly ["b", "br", "d", "dr", "f", "g", "gr", "h", "j", "k", "kr", "l", "m", "n", "p", "pr", "r", "s", "sh", "st", "t", "tr", "v", "z", "zh", "ch", "th", "y", "w", "sk"];
export declare const VOWELS: readonly ["a", "e", "i", "o", "u", "ai", "ei", "ia", "io", "ay"];
export declare const CODAS: readonly ["", "", "", "n", "r", "l", "s", "k", "m", "sk", "nd", "rt", "v", "st"];
export declare const FIRST_NAMES_SYLLABLES: string[];
/** A handful of real-world names at the top of the ranking: general knowledge, not corpus text. */
export interface WellKnown {
    name: string;
    aliases: [string, string];
    kind: EntityKind;
    type: string;
    /** For states: the adjective anonymous sources get ("three Russian officials"). */
    demonym?: string;
}
export declare const WELL_KNOWN: readonly WellKnown[];
export declare const BODY_TYPES: readonly [readonly ["Ministry of Defence", "defence ministry"], readonly ["Foreign Ministry", "foreign office"], readonly ["General Staff", "general staff command"], readonly ["Interior Ministry", "interior office"], readonly ["Presidential Office", "presidency"], readonly ["Security Council", "security cabinet"]];
export declare const MILITARY_TYPES: readonly [readonly ["Armed Forces", "military"], readonly ["Navy", "naval command"], readonly ["Air Force", "air command"], readonly ["Border Guard", "border service"]];
export declare const GROUP_TYPES: readonly ["Front", "Brigade", "Movement", "Legion", "Battalion", "Council"];
export declare const ORG_TYPES: readonly ["Logistics", "Shipping", "Holdings", "Institute", "Energy", "Foundation"];
export declare const TITLES: readonly ["General", "Minister", "Colonel", "Commander", "Envoy", "Admiral"];
export declare const INSTALLATION_TYPES: readonly [{
    readonly type: "air base";
    readonly suffix: "Air Base";
    readonly aliases: readonly ["airfield", "air station"];
}, {
    readonly type: "naval base";
    readonly suffix: "Naval Base";
    readonly aliases: readonly ["naval facility", "anchorage"];
}, {
    readonly type: "port";
    readonly suffix: "Port";
    readonly aliases: readonly ["harbour", "docks"];
}, {
    readonly type: "military post";
    readonly suffix: "Outpost";
    readonly aliases: readonly ["garrison", "checkpoint"];
}, {
    readonly type: "listening post";
    readonly suffix: "Listening Station";
    readonly aliases: readonly ["radar site", "signals post"];
}];
export declare const REGIONS: readonly ["north", "south", "east", "west", "coast", "highlands", "desert", "delta"];
/** Ordered roughly by how often they occur: the first ones are the "common terms" searches find. */
export declare const VERBS: readonly ["moved", "deployed", "withdrew", "reinforced", "supplied", "inspected", "expanded", "evacuated", "relocated", "repaired", "patrolled", "dismantled", "transferred", "unloaded", "guarded", "rebuilt", "shipped", "rotated", "stockpiled", "abandoned", "surveyed", "escorted", "reopened", "sealed"];
export declare const NOUNS: readonly ["troops", "equipment", "air defence systems", "transport aircraft", "warships", "ammunition", "armoured vehicles", "helicopters", "radar units", "supply convoys", "fuel stores", "patrol boats", "engineers", "military advisers", "drones", "artillery", "cargo", "landing craft", "personnel", "spare parts", "communications gear", "field hospitals", "tankers", "mine clearing teams"];
export declare const ADJECTIVES: readonly ["remaining", "additional", "heavy", "older", "new", "damaged", "mobile", "northern", "coastal", "reserve", "forward", "leased", "seized", "upgraded", "idle", "temporary"];
export declare const PLACES_GENERIC: readonly ["the coast", "the northern depot", "the harbour", "the runway", "the border crossing", "the river", "the airfield perimeter", "the old barracks", "the fuel terminal", "the eastern road", "the hills"];
export declare const HEDGES: readonly ["reportedly", "apparently", "likely", "allegedly"];
export declare const MONTHS: readonly ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
export declare const TIME_PHRASES: readonly ["last week", "overnight", "in recent days", "this month", "earlier this year"];
export declare const SAY_VERBS: readonly ["said", "told reporters", "confirmed", "stated", "claimed", "reported"];
export declare const DENY_VERBS: readonly ["denied that", "rejected reports that", "dismissed claims that"];
export declare const SOURCE_NOUNS: readonly ["officials", "diplomats", "military sources", "commanders", "security sources", "analysts"];
export declare const COUNT_WORDS: readonly ["", "two", "three", "four", "five"];
export declare const OUTLETS: readonly ["Harbour Ledger", "Northwind Wire", "Meridian Post", "Coastline Courier", "Frontier Dispatch", "Evening Sentinel", "Atlas Monitor", "Signal Review", "Lantern Daily", "Crossroads News", "Horizon Report", "Keystone Times"];
/** Filler for long documents (the name scan): plain words between the names. */
export declare const FILLER: readonly ["the", "of", "and", "to", "in", "a", "that", "on", "for", "with", "was", "said", "by", "were", "from", "after", "its", "at", "as", "had", "forces", "near", "base", "week", "since", "officials", "reports", "two", "new", "control", "region", "talks", "agreement", "withdrawal", "presence", "port", "coast", "government", "ministry", "statement", "convoy", "military", "vessels", "aircraft", "satellite", "images", "showed", "analysts", "believe", "according", "sources", "spokesperson", "would", "could"];

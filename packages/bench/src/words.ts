/**
 * Our own word lists for synthetic news text. Nothing here comes from the corpus: the words are
 * the generic vocabulary of defence reporting, and the names are built from syllables.
 */

import type { EntityKind } from '@sitrep/vocabulary';

/** Syllables for made-up place, group and family names ("Kavoren", "Ostrila"). */
export const ONSETS = [
  'b',
  'br',
  'd',
  'dr',
  'f',
  'g',
  'gr',
  'h',
  'j',
  'k',
  'kr',
  'l',
  'm',
  'n',
  'p',
  'pr',
  'r',
  's',
  'sh',
  'st',
  't',
  'tr',
  'v',
  'z',
  'zh',
  'ch',
  'th',
  'y',
  'w',
  'sk',
] as const;
export const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ei', 'ia', 'io', 'ay'] as const;
export const CODAS = ['', '', '', 'n', 'r', 'l', 's', 'k', 'm', 'sk', 'nd', 'rt', 'v', 'st'] as const;

export const FIRST_NAMES_SYLLABLES = [
  'an',
  'bor',
  'da',
  'el',
  'fa',
  'gri',
  'ha',
  'il',
  'ka',
  'le',
  'mi',
  'na',
  'or',
  'ra',
  'sa',
  'ti',
  'va',
  'yu',
  'za',
];

/** A handful of real-world names at the top of the ranking: general knowledge, not corpus text. */
export interface WellKnown {
  name: string;
  aliases: [string, string];
  kind: EntityKind;
  type: string;
  /** For states: the adjective anonymous sources get ("three Russian officials"). */
  demonym?: string;
}

export const WELL_KNOWN: readonly WellKnown[] = [
  { name: 'Russia', demonym: 'Russian', aliases: ['Russian Federation', 'Moscow'], kind: 'actor', type: 'state' },
  { name: 'Syria', demonym: 'Syrian', aliases: ['Syrian Arab Republic', 'Damascus'], kind: 'actor', type: 'state' },
  { name: 'Turkey', demonym: 'Turkish', aliases: ['Türkiye', 'Ankara'], kind: 'actor', type: 'state' },
  {
    name: 'the Kremlin',
    aliases: ['Kremlin administration', 'Russian presidency'],
    kind: 'actor',
    type: 'government body',
  },
  { name: 'Hmeimim Air Base', aliases: ['Khmeimim', 'Hmeimim airbase'], kind: 'installation', type: 'air base' },
  { name: 'Tartus naval facility', aliases: ['Tartous', 'Tartus port'], kind: 'installation', type: 'naval base' },
  { name: 'Israel', demonym: 'Israeli', aliases: ['State of Israel', 'Jerusalem'], kind: 'actor', type: 'state' },
  { name: 'Iran', demonym: 'Iranian', aliases: ['Islamic Republic of Iran', 'Tehran'], kind: 'actor', type: 'state' },
  { name: 'Vladimir Putin', aliases: ['Putin', 'President Putin'], kind: 'actor', type: 'person' },
  { name: 'Ahmad al-Sharaa', aliases: ['al-Sharaa', 'Abu Mohammed al-Golani'], kind: 'actor', type: 'person' },
  { name: 'United States', demonym: 'US', aliases: ['US', 'Washington'], kind: 'actor', type: 'state' },
  { name: 'Libya', demonym: 'Libyan', aliases: ['State of Libya', 'Tripoli'], kind: 'actor', type: 'state' },
];

export const BODY_TYPES = [
  ['Ministry of Defence', 'defence ministry'],
  ['Foreign Ministry', 'foreign office'],
  ['General Staff', 'general staff command'],
  ['Interior Ministry', 'interior office'],
  ['Presidential Office', 'presidency'],
  ['Security Council', 'security cabinet'],
] as const;

export const MILITARY_TYPES = [
  ['Armed Forces', 'military'],
  ['Navy', 'naval command'],
  ['Air Force', 'air command'],
  ['Border Guard', 'border service'],
] as const;

export const GROUP_TYPES = ['Front', 'Brigade', 'Movement', 'Legion', 'Battalion', 'Council'] as const;
export const ORG_TYPES = ['Logistics', 'Shipping', 'Holdings', 'Institute', 'Energy', 'Foundation'] as const;
export const TITLES = ['General', 'Minister', 'Colonel', 'Commander', 'Envoy', 'Admiral'] as const;

export const INSTALLATION_TYPES = [
  { type: 'air base', suffix: 'Air Base', aliases: ['airfield', 'air station'] },
  { type: 'naval base', suffix: 'Naval Base', aliases: ['naval facility', 'anchorage'] },
  { type: 'port', suffix: 'Port', aliases: ['harbour', 'docks'] },
  { type: 'military post', suffix: 'Outpost', aliases: ['garrison', 'checkpoint'] },
  { type: 'listening post', suffix: 'Listening Station', aliases: ['radar site', 'signals post'] },
] as const;

export const REGIONS = ['north', 'south', 'east', 'west', 'coast', 'highlands', 'desert', 'delta'] as const;

/** Ordered roughly by how often they occur: the first ones are the "common terms" searches find. */
export const VERBS = [
  'moved',
  'deployed',
  'withdrew',
  'reinforced',
  'supplied',
  'inspected',
  'expanded',
  'evacuated',
  'relocated',
  'repaired',
  'patrolled',
  'dismantled',
  'transferred',
  'unloaded',
  'guarded',
  'rebuilt',
  'shipped',
  'rotated',
  'stockpiled',
  'abandoned',
  'surveyed',
  'escorted',
  'reopened',
  'sealed',
] as const;

export const NOUNS = [
  'troops',
  'equipment',
  'air defence systems',
  'transport aircraft',
  'warships',
  'ammunition',
  'armoured vehicles',
  'helicopters',
  'radar units',
  'supply convoys',
  'fuel stores',
  'patrol boats',
  'engineers',
  'military advisers',
  'drones',
  'artillery',
  'cargo',
  'landing craft',
  'personnel',
  'spare parts',
  'communications gear',
  'field hospitals',
  'tankers',
  'mine clearing teams',
] as const;

export const ADJECTIVES = [
  'remaining',
  'additional',
  'heavy',
  'older',
  'new',
  'damaged',
  'mobile',
  'northern',
  'coastal',
  'reserve',
  'forward',
  'leased',
  'seized',
  'upgraded',
  'idle',
  'temporary',
] as const;

export const PLACES_GENERIC = [
  'the coast',
  'the northern depot',
  'the harbour',
  'the runway',
  'the border crossing',
  'the river',
  'the airfield perimeter',
  'the old barracks',
  'the fuel terminal',
  'the eastern road',
  'the hills',
] as const;

export const HEDGES = ['reportedly', 'apparently', 'likely', 'allegedly'] as const;

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export const TIME_PHRASES = ['last week', 'overnight', 'in recent days', 'this month', 'earlier this year'] as const;

export const SAY_VERBS = ['said', 'told reporters', 'confirmed', 'stated', 'claimed', 'reported'] as const;
export const DENY_VERBS = ['denied that', 'rejected reports that', 'dismissed claims that'] as const;
export const SOURCE_NOUNS = [
  'officials',
  'diplomats',
  'military sources',
  'commanders',
  'security sources',
  'analysts',
] as const;
export const COUNT_WORDS = ['', 'two', 'three', 'four', 'five'] as const;

export const OUTLETS = [
  'Harbour Ledger',
  'Northwind Wire',
  'Meridian Post',
  'Coastline Courier',
  'Frontier Dispatch',
  'Evening Sentinel',
  'Atlas Monitor',
  'Signal Review',
  'Lantern Daily',
  'Crossroads News',
  'Horizon Report',
  'Keystone Times',
] as const;

/** Filler for long documents (the name scan): plain words between the names. */
export const FILLER = [
  'the',
  'of',
  'and',
  'to',
  'in',
  'a',
  'that',
  'on',
  'for',
  'with',
  'was',
  'said',
  'by',
  'were',
  'from',
  'after',
  'its',
  'at',
  'as',
  'had',
  'forces',
  'near',
  'base',
  'week',
  'since',
  'officials',
  'reports',
  'two',
  'new',
  'control',
  'region',
  'talks',
  'agreement',
  'withdrawal',
  'presence',
  'port',
  'coast',
  'government',
  'ministry',
  'statement',
  'convoy',
  'military',
  'vessels',
  'aircraft',
  'satellite',
  'images',
  'showed',
  'analysts',
  'believe',
  'according',
  'sources',
  'spokesperson',
  'would',
  'could',
] as const;

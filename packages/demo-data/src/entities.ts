import type { DemoEntity } from './types';

/**
 * Curated entities for the demo scenario: Russia's military presence in Syria after the
 * fall of Bashar al-Assad in December 2024. Descriptions are written by the Sitrep team.
 * No alias may fold (see normalizeName) to the same key as another entity's name or alias.
 */
export const demoEntities: DemoEntity[] = [
  // ── States ────────────────────────────────────────────────────────────────
  {
    key: 'russia',
    kind: 'actor',
    name: 'Russia',
    description:
      'Russian state, which has kept an air base and a naval facility on the Syrian coast since intervening on the side of the Assad government in 2015.',
    aliases: ['Russian Federation', 'Moscow', 'Russian', 'the Russians'],
    actorType: 'state',
  },
  {
    key: 'syria',
    kind: 'actor',
    name: 'Syria',
    description:
      'Syrian state, governed since December 2024 by a transitional leadership that emerged from the opposition offensive which toppled Bashar al-Assad.',
    aliases: ['Syrian', 'Damascus', 'Syrian Arab Republic'],
    actorType: 'state',
  },
  {
    key: 'libya',
    kind: 'actor',
    name: 'Libya',
    description:
      "North African state split between rival authorities in Tripoli and the east, where Russian military personnel have operated alongside Khalifa Haftar's forces.",
    aliases: ['Libyan', 'State of Libya'],
    actorType: 'state',
  },
  {
    key: 'turkey',
    kind: 'actor',
    name: 'Turkey',
    description:
      'Neighbouring state and NATO member that backed parts of the Syrian opposition and is a leading foreign partner of the new government in Damascus.',
    aliases: ['Türkiye', 'Turkish', 'Ankara'],
    actorType: 'state',
  },
  {
    key: 'israel',
    kind: 'actor',
    name: 'Israel',
    description:
      'Neighbouring state that carried out extensive air strikes on former Syrian army sites after the collapse of the Assad government.',
    aliases: ['Israeli', 'State of Israel'],
    actorType: 'state',
  },
  {
    key: 'ukraine',
    kind: 'actor',
    name: 'Ukraine',
    description:
      'State at war with Russia since 2022 whose intelligence services publicise claims about Russian military movements abroad.',
    aliases: ['Ukrainian', 'Kyiv'],
    actorType: 'state',
  },

  // ── Russian state bodies and people ───────────────────────────────────────
  {
    key: 'kremlin',
    kind: 'actor',
    name: 'Kremlin',
    description:
      'The Russian presidency and its administration, whose spokesman is the usual official voice on the future of the Syrian bases.',
    aliases: [],
    actorType: 'government body',
    affiliation: 'russia',
  },
  {
    key: 'russia-mod',
    kind: 'actor',
    name: 'Russian Ministry of Defence',
    description:
      "Russian government ministry that runs the country's armed forces and its deployments abroad, including the garrisons in Syria.",
    aliases: [
      "Russia's defence ministry",
      'Russian Defence Ministry',
      'Russian Defense Ministry',
      'Russian MoD',
      'Ministry of Defence of Russia',
    ],
    actorType: 'government ministry',
    affiliation: 'russia',
  },
  {
    key: 'russia-mfa',
    kind: 'actor',
    name: 'Russian Ministry of Foreign Affairs',
    description:
      "Russian government ministry responsible for foreign relations, including Moscow's contacts with the new Syrian leadership.",
    aliases: ["Russia's foreign ministry", 'Russian Foreign Ministry', 'Russian MFA'],
    actorType: 'government ministry',
    affiliation: 'russia',
  },
  {
    key: 'russia-military',
    kind: 'actor',
    name: 'Russian Armed Forces',
    description:
      "Russia's military, whose air, naval and ground units in Syria were concentrated at the coastal bases after December 2024.",
    aliases: ['Russian military', 'Russian forces', 'Russian troops', 'Armed Forces of the Russian Federation'],
    actorType: 'armed forces',
    affiliation: 'russia',
  },
  {
    key: 'africa-corps',
    kind: 'actor',
    name: 'Africa Corps',
    description:
      "Russian expeditionary formation under defence ministry control that took over much of the Wagner group's role in Libya and the Sahel.",
    aliases: ['Russian Africa Corps'],
    actorType: 'military formation',
    affiliation: 'russia-mod',
  },
  {
    key: 'putin',
    kind: 'actor',
    name: 'Vladimir Putin',
    description:
      "Russian head of state who ordered the 2015 intervention in Syria and later received the country's transitional leader in Moscow.",
    aliases: ['Putin'],
    actorType: 'person',
    affiliation: 'russia',
    role: 'President of Russia',
  },
  {
    key: 'peskov',
    kind: 'actor',
    name: 'Dmitry Peskov',
    description:
      'Spokesman for the Russian president, who has repeatedly said the status of the Syrian bases is a matter for negotiation.',
    aliases: ['Peskov', 'Dmitri Peskov'],
    actorType: 'person',
    affiliation: 'kremlin',
    role: 'Kremlin spokesman',
  },
  {
    key: 'lavrov',
    kind: 'actor',
    name: 'Sergei Lavrov',
    description: "Long-serving head of Russian diplomacy who has hosted Syria's new foreign minister for talks.",
    aliases: ['Lavrov', 'Sergey Lavrov'],
    actorType: 'person',
    affiliation: 'russia-mfa',
    role: 'Foreign Minister of Russia',
  },
  {
    key: 'stroytransgaz',
    kind: 'actor',
    name: 'Stroytransgaz',
    description:
      "Russian engineering and construction group that held a 2019 concession to run and expand Tartus's commercial port.",
    aliases: ['STG Engineering', 'Stroitransgaz'],
    actorType: 'company',
  },

  // ── Syrian actors ─────────────────────────────────────────────────────────
  {
    key: 'assad',
    kind: 'actor',
    name: 'Bashar al-Assad',
    description:
      'Former Syrian president whose government collapsed on 8 December 2024, after which he fled to Russia.',
    aliases: ['Assad', 'Bashar Assad', 'al-Assad'],
    actorType: 'person',
    role: 'Former President of Syria',
  },
  {
    key: 'sharaa',
    kind: 'actor',
    name: 'Ahmad al-Sharaa',
    description:
      "Former commander of Hayat Tahrir al-Sham who led the offensive that ousted Assad and became Syria's transitional president.",
    aliases: [
      'Ahmed al-Sharaa',
      'al-Sharaa',
      'Sharaa',
      'Abu Mohammed al-Golani',
      'Abu Mohammad al-Jolani',
      'al-Golani',
      'al-Jolani',
      'Golani',
      'Jolani',
    ],
    actorType: 'person',
    affiliation: 'syria-interim',
    role: 'President of Syria (transitional period)',
  },
  {
    key: 'shaibani',
    kind: 'actor',
    name: 'Asaad al-Shaibani',
    description: "Foreign minister in Syria's transitional government and its lead envoy in talks with Moscow.",
    aliases: ['al-Shaibani', 'Shaibani', 'Asaad Hassan al-Shaibani'],
    actorType: 'person',
    affiliation: 'syria-interim',
    role: 'Foreign Minister of Syria',
  },
  {
    key: 'hts',
    kind: 'actor',
    name: 'Hayat Tahrir al-Sham',
    description:
      'Islamist armed group based in Idlib that spearheaded the late-2024 offensive on Damascus and formally dissolved into the new state structures.',
    aliases: ['HTS'],
    actorType: 'armed group',
  },
  {
    key: 'syria-interim',
    kind: 'actor',
    name: 'Syrian interim administration',
    description:
      "Transitional authority that took over in Damascus after Assad's fall and is reviewing the agreements signed with Russia under the old government.",
    aliases: [
      'Syrian transitional government',
      'transitional government',
      'interim government',
      'Syrian interim government',
      "Syria's new authorities",
      'Syrian presidency',
      'caretaker government',
    ],
    actorType: 'government',
    affiliation: 'syria',
  },
  {
    key: 'syria-mod',
    kind: 'actor',
    name: 'Syrian Ministry of Defence',
    description:
      "Ministry rebuilding Syria's armed forces from former opposition factions under the transitional government.",
    aliases: ["Syria's defence ministry", 'Syrian Defence Ministry', 'Syrian Defense Ministry'],
    actorType: 'government ministry',
    affiliation: 'syria-interim',
  },

  // ── Libyan and Ukrainian actors ───────────────────────────────────────────
  {
    key: 'lna',
    kind: 'actor',
    name: 'Libyan National Army',
    description:
      'Eastern Libyan military coalition that controls most of the east and south of the country and has long hosted Russian personnel.',
    aliases: ['LNA', "Haftar's forces", 'Libyan Arab Armed Forces', 'LAAF'],
    actorType: 'armed group',
  },
  {
    key: 'haftar',
    kind: 'actor',
    name: 'Khalifa Haftar',
    description: 'Eastern Libyan military commander and a long-standing partner of Moscow in North Africa.',
    aliases: ['Haftar', 'Khalifa Hifter'],
    actorType: 'person',
    affiliation: 'lna',
    role: 'Commander of the Libyan National Army',
  },
  {
    key: 'hur',
    kind: 'actor',
    name: 'Defence Intelligence of Ukraine',
    description:
      'Ukrainian military intelligence agency that regularly publishes assessments of Russian deployments outside Ukraine.',
    aliases: [
      'HUR',
      'GUR',
      'Main Intelligence Directorate',
      "Ukraine's military intelligence",
      'Ukrainian military intelligence',
    ],
    actorType: 'intelligence agency',
    affiliation: 'ukraine',
  },

  // ── Installations ─────────────────────────────────────────────────────────
  {
    key: 'hmeimim',
    kind: 'installation',
    name: 'Hmeimim Air Base',
    description:
      "Russia's main air base in Syria, sharing its airfield with Latakia's civilian airport, and the hub of its air campaign since 2015.",
    aliases: [
      'Khmeimim',
      'Hmeimim',
      'Hmeimim airbase',
      'Khmeimim Air Base',
      'Khmeimim airbase',
      'Humaymim',
      'Hmeimim base',
    ],
    installationType: 'air base',
    place: 'Hmeimim, near Jableh',
    region: 'Latakia Governorate',
    country: 'Syria',
    latitude: 35.4011,
    longitude: 35.9486,
    operator: 'russia-military',
    hostCountry: 'syria',
  },
  {
    key: 'tartus',
    kind: 'installation',
    name: 'Tartus naval facility',
    description:
      'Russian navy support and repair point on the northern side of Tartus harbour, its only such site in the Mediterranean.',
    aliases: [
      'Tartous',
      'Tartus',
      'Tartous naval base',
      'Tartus naval base',
      '720th Material-Technical Support Point',
      'Tartus port',
    ],
    installationType: 'naval base',
    place: 'Tartus',
    region: 'Tartus Governorate',
    country: 'Syria',
    latitude: 34.915,
    longitude: 35.874,
    operator: 'russia-military',
    hostCountry: 'syria',
  },
  {
    key: 'qamishli',
    kind: 'installation',
    name: 'Qamishli Airport',
    description:
      "Airport in north-eastern Syria that Russian forces used as a helicopter and transport hub until they pulled out after Assad's fall.",
    aliases: ['Qamishli', 'Kamishli', 'Qamishli air base', 'Kamishli airport'],
    installationType: 'airport',
    place: 'Qamishli',
    region: 'Al-Hasakah Governorate',
    country: 'Syria',
    latitude: 37.0206,
    longitude: 41.1914,
    operator: 'russia-military',
    hostCountry: 'syria',
  },
  {
    key: 'kuweires',
    kind: 'installation',
    name: 'Kuweires Air Base',
    description:
      'Syrian military airfield and flight academy east of Aleppo where Russian personnel were stationed during the civil war.',
    aliases: ['Kuweires', 'Kweires', 'Kuwayris', 'Kuweires airbase'],
    installationType: 'air base',
    place: 'Kuweires Sharqi',
    region: 'Aleppo Governorate',
    country: 'Syria',
    latitude: 36.1869,
    longitude: 37.5831,
    operator: 'syria-mod',
    hostCountry: 'syria',
  },
  {
    key: 'al-khadim',
    kind: 'installation',
    name: 'Al-Khadim Air Base',
    description:
      "Remote airfield in eastern Libya used by Haftar's forces and their foreign backers, and a reported destination for Russian cargo flights from Syria.",
    aliases: ['al-Khadim', 'Khadim', 'Al-Khadim airbase'],
    installationType: 'air base',
    place: 'Al-Khadim, south-east of al-Marj',
    region: 'Cyrenaica',
    country: 'Libya',
    latitude: 31.9982,
    longitude: 21.1967,
    operator: 'lna',
    hostCountry: 'libya',
  },
  {
    key: 'al-jufra',
    kind: 'installation',
    name: 'Al-Jufra Air Base',
    description:
      "Air base in central Libya held by Haftar's forces where Russian military contractors and aircraft have been based since 2020.",
    aliases: ['al-Jufra', 'Jufra', 'Jufra airbase', 'al-Jufra airbase'],
    installationType: 'air base',
    place: 'near Hun',
    region: 'Jufra District',
    country: 'Libya',
    latitude: 29.198,
    longitude: 16.001,
    operator: 'lna',
    hostCountry: 'libya',
  },
];

import type { DemoReport } from './types';

/**
 * Demo reports written by the Sitrep team in its own words: plain paraphrase of widely
 * reported events, with invented but plausible anonymous sourcing. Every claim quote occurs
 * exactly once in its report's text, and every source text occurs in it.
 */

const OUTLET = 'Sitrep demo desk';

export const demoReports: DemoReport[] = [
  // ── 1 ───────────────────────────────────────────────────────────────────
  {
    title: "Kremlin says fate of Syrian bases is open after Assad's fall",
    outlet: OUTLET,
    publishedAt: '2024-12-10',
    dateline: 'MOSCOW',
    text: [
      `date 2024-12-10 MOSCOW: The Kremlin said on Monday it was too early to say what would happen to Russia's air base at Hmeimim and its naval facility at Tartus, a day after opposition fighters led by Hayat Tahrir al-Sham entered Damascus and Bashar al-Assad left the country.`,
      `Speaking to reporters on Monday, Dmitry Peskov said the question would be settled in talks with whoever ends up running Syria, and that no decision had been made about the bases. Asked where the former president was, Peskov declined to comment on Assad's whereabouts, although Russian state media had reported that he and his family were in Moscow.`,
      `On Sunday, Russia's foreign ministry said the Russian bases in Syria had been put on high alert but faced no serious threat for the time being.`,
      `Two Russian sources close to the military said units posted in the north and east of Syria had apparently started moving toward the coast, where the two installations sit roughly 60 kilometres apart. A Western diplomat in Moscow said Russia would likely try to keep at least a reduced presence, because the Syrian coast serves as a refuelling stop for flights to its operations in Africa.`,
      `Turkey, a long-time backer of parts of the Syrian opposition, is expected to carry considerable weight with the new leadership.`,
    ].join('\n\n'),
    claims: [
      {
        quote:
          "it was too early to say what would happen to Russia's air base at Hmeimim and its naval facility at Tartus",
        source: { text: 'The Kremlin', actor: 'kremlin', anonymous: false },
        about: ['hmeimim', 'tartus'],
        stance: 'affirms',
        hedged: false,
        eventDate: '2024-12-09',
      },
      {
        quote: 'no decision had been made about the bases',
        source: { text: 'Dmitry Peskov', actor: 'peskov', anonymous: false },
        about: ['hmeimim', 'tartus', 'russia'],
        stance: 'denies',
        hedged: false,
        eventDate: '2024-12-09',
      },
      {
        quote: 'the Russian bases in Syria had been put on high alert but faced no serious threat for the time being',
        source: { text: "Russia's foreign ministry", actor: 'russia-mfa', anonymous: false },
        about: ['hmeimim', 'tartus', 'russia-military'],
        stance: 'affirms',
        hedged: false,
        eventDate: '2024-12-08',
      },
      {
        quote: 'units posted in the north and east of Syria had apparently started moving toward the coast',
        source: { text: 'Two Russian sources close to the military', actor: 'russia', count: 2, anonymous: true },
        about: ['russia-military', { entity: 'syria', role: 'location' }],
        stance: 'affirms',
        hedged: true,
      },
      {
        quote: 'Russia would likely try to keep at least a reduced presence',
        source: { text: 'A Western diplomat in Moscow', actor: null, count: 1, anonymous: true },
        about: ['russia', 'hmeimim', 'tartus'],
        stance: 'affirms',
        hedged: true,
      },
    ],
  },

  // ── 2 ───────────────────────────────────────────────────────────────────
  {
    title: 'Satellite images show heavy transports at Hmeimim as Russian ships stand off Tartus',
    outlet: OUTLET,
    publishedAt: '2024-12-14',
    dateline: 'LATAKIA',
    text: [
      `date 2024-12-14 LATAKIA: Commercial satellite imagery taken on Friday showed at least two An-124 heavy transport aircraft on the apron at Hmeimim Air Base with their nose sections raised, the position used to load vehicles and outsized cargo.`,
      `The same images appeared to show several attack helicopters partly dismantled nearby and components of an air defence battery packed up close to the runway. Analysts who reviewed the pictures cautioned that they could not tell whether the equipment was leaving Syria or simply being moved around the base.`,
      `About 60 kilometres to the south, the piers at the Tartus naval facility were almost empty. Russian warships and support vessels that had been moored there at the start of the month were instead holding position several miles offshore, according to imagery from earlier in the week.`,
      `Three Syrian officials said Russian troops had withdrawn from Qamishli airport in the northeast and from positions around Kuweires air base, east of Aleppo, in recent days, with convoys heading west toward the coast.`,
      `Russia's defence ministry did not respond to a request for comment. Israeli aircraft have meanwhile struck hundreds of former Syrian army sites since Sunday, wrecking much of what was left of the old government's air defences and navy.`,
    ].join('\n\n'),
    claims: [
      {
        quote:
          'at least two An-124 heavy transport aircraft on the apron at Hmeimim Air Base with their nose sections raised',
        source: { text: 'Commercial satellite imagery', actor: null, anonymous: false },
        about: ['hmeimim'],
        stance: 'affirms',
        hedged: false,
        eventDate: '2024-12-13',
      },
      {
        quote: 'appeared to show several attack helicopters partly dismantled nearby',
        source: { text: 'The same images', actor: null, anonymous: false },
        about: ['hmeimim', 'russia-military'],
        stance: 'affirms',
        hedged: true,
      },
      {
        quote:
          'Russian warships and support vessels that had been moored there at the start of the month were instead holding position several miles offshore',
        source: { text: 'imagery from earlier in the week', actor: null, anonymous: false },
        about: ['tartus', 'russia-military'],
        stance: 'affirms',
        hedged: false,
      },
      {
        quote:
          'Russian troops had withdrawn from Qamishli airport in the northeast and from positions around Kuweires air base',
        source: { text: 'Three Syrian officials', actor: 'syria', count: 3, anonymous: true },
        about: ['russia-military', 'qamishli', 'kuweires'],
        stance: 'affirms',
        hedged: false,
      },
      {
        quote: 'did not respond to a request for comment',
        source: { text: "Russia's defence ministry", actor: 'russia-mod', anonymous: false },
        about: ['russia-mod', 'hmeimim', 'tartus'],
        stance: 'no_comment',
        hedged: false,
      },
    ],
  },

  // ── 3 ───────────────────────────────────────────────────────────────────
  {
    title: 'Russian hardware from Syria flown to eastern Libya, officials say',
    outlet: OUTLET,
    publishedAt: '2024-12-20',
    dateline: 'BENGHAZI',
    text: [
      `date 2024-12-20 BENGHAZI: Russia has started moving some of the military equipment it is pulling back from Syria to eastern Libya, where it has worked for years with the forces of Khalifa Haftar, according to Libyan and Western officials.`,
      `Two Libyan officials said at least three Russian cargo flights had landed at Al-Khadim Air Base, east of Benghazi, since the weekend. Crates unloaded there appeared to include radar parts for air defence systems that had until recently been deployed in Syria, the officials said.`,
      `Flight-tracking data reviewed by the desk showed an Il-76 transport departing Hmeimim on Wednesday on a course toward eastern Libya, although its transponder went dark for part of the journey.`,
      `A Western diplomat said Moscow may also send equipment to al-Jufra, a desert air base in central Libya where Russian contractors have been present since 2020. Analysts said Libya could become a fallback for Russian logistics in Africa if access to the Syrian bases is lost.`,
      `The Libyan National Army did not respond to a request for comment. A Russian source described the transfers as routine rotation and said they were not a sign that Moscow was abandoning Syria.`,
    ].join('\n\n'),
    claims: [
      {
        quote: 'at least three Russian cargo flights had landed at Al-Khadim Air Base',
        source: { text: 'Two Libyan officials', actor: 'libya', count: 2, anonymous: true },
        about: ['al-khadim', 'russia-military'],
        stance: 'affirms',
        hedged: false,
      },
      {
        quote:
          'Crates unloaded there appeared to include radar parts for air defence systems that had until recently been deployed in Syria',
        source: { text: 'Two Libyan officials', actor: 'libya', count: 2, anonymous: true },
        about: ['russia-military', { entity: 'al-khadim', role: 'location' }],
        stance: 'affirms',
        hedged: true,
      },
      {
        quote: 'an Il-76 transport departing Hmeimim on Wednesday on a course toward eastern Libya',
        source: { text: 'Flight-tracking data', actor: null, anonymous: false },
        about: ['hmeimim', { entity: 'libya', role: 'location' }],
        stance: 'affirms',
        hedged: false,
        eventDate: '2024-12-18',
      },
      {
        quote: 'Moscow may also send equipment to al-Jufra',
        source: { text: 'A Western diplomat', actor: null, count: 1, anonymous: true },
        about: ['russia', { entity: 'al-jufra', role: 'location' }],
        stance: 'affirms',
        hedged: true,
      },
      {
        quote: 'did not respond to a request for comment',
        source: { text: 'The Libyan National Army', actor: 'lna', anonymous: false },
        about: ['lna', { entity: 'al-khadim', role: 'location' }],
        stance: 'no_comment',
        hedged: false,
      },
      {
        quote: 'they were not a sign that Moscow was abandoning Syria',
        source: { text: 'A Russian source', actor: 'russia', count: 1, anonymous: true },
        about: ['russia', 'hmeimim', 'tartus'],
        stance: 'denies',
        hedged: false,
      },
    ],
  },

  // ── 4 ───────────────────────────────────────────────────────────────────
  {
    title: "Syria cancels Russian company's Tartus port contract",
    outlet: OUTLET,
    publishedAt: '2025-01-22',
    dateline: 'TARTUS',
    text: [
      `date 2025-01-22 TARTUS: Syria's new authorities have cancelled a 2019 contract that gave the Russian company Stroytransgaz the right to run and expand the commercial port at Tartus, a local official said, the clearest sign so far that Damascus is reviewing deals inherited from the Assad era.`,
      `The official, who asked not to be named because he was not authorised to speak to the press, said the decision was taken on Monday and that revenue from the port would now go to the Syrian state. Syrian employees who had worked under the Russian operator would keep their jobs, he added.`,
      `The cancellation concerns the civilian harbour. Russia's naval facility on the northern side of the port operates under a separate long-term agreement, and two Syrian officials said the naval facility was not part of the decision and that talks on its status had not begun.`,
      `Satellite imagery from early January showed rows of Russian military vehicles parked on the quay beside the Russian piers, apparently waiting to be loaded onto ships. Cargo vessels have called at the facility several times since December.`,
      `Stroytransgaz did not respond to a request for comment. The Kremlin said it remained in contact with the Syrian leadership on a range of issues.`,
    ].join('\n\n'),
    claims: [
      {
        quote:
          'have cancelled a 2019 contract that gave the Russian company Stroytransgaz the right to run and expand the commercial port at Tartus',
        source: { text: 'a local official', actor: 'syria-interim', count: 1, anonymous: true },
        about: ['syria-interim', { entity: 'stroytransgaz', role: 'object' }, { entity: 'tartus', role: 'location' }],
        stance: 'affirms',
        hedged: false,
      },
      {
        quote: 'the decision was taken on Monday',
        source: { text: 'The official', actor: 'syria-interim', count: 1, anonymous: true },
        about: ['syria-interim', { entity: 'tartus', role: 'location' }],
        stance: 'affirms',
        hedged: false,
        eventDate: '2025-01-20',
      },
      {
        quote: 'the naval facility was not part of the decision',
        source: { text: 'two Syrian officials', actor: 'syria', count: 2, anonymous: true },
        about: ['tartus'],
        stance: 'denies',
        hedged: false,
      },
      {
        quote: 'talks on its status had not begun',
        source: { text: 'two Syrian officials', actor: 'syria', count: 2, anonymous: true },
        about: ['tartus', { entity: 'russia', role: 'object' }],
        stance: 'denies',
        hedged: false,
      },
      {
        quote:
          'rows of Russian military vehicles parked on the quay beside the Russian piers, apparently waiting to be loaded onto ships',
        source: { text: 'Satellite imagery from early January', actor: null, anonymous: false },
        about: ['tartus', 'russia-military'],
        stance: 'affirms',
        hedged: true,
      },
      {
        quote: 'did not respond to a request for comment',
        source: { text: 'Stroytransgaz', actor: 'stroytransgaz', anonymous: false },
        about: ['stroytransgaz'],
        stance: 'no_comment',
        hedged: false,
      },
    ],
  },

  // ── 5 ───────────────────────────────────────────────────────────────────
  {
    title: 'Putin and al-Sharaa hold first call as base talks drag on',
    outlet: OUTLET,
    publishedAt: '2025-02-14',
    dateline: 'DAMASCUS',
    text: [
      `date 2025-02-14 DAMASCUS: Vladimir Putin and Syria's transitional president, Ahmad al-Sharaa, spoke by telephone on Wednesday, their first direct contact since Bashar al-Assad was driven from power in December.`,
      `The Kremlin said Putin had stressed Russia's support for Syria's unity and territorial integrity and offered economic help, including deliveries of humanitarian aid. The Syrian presidency said al-Sharaa had told Putin that any new relationship must take account of past mistakes and respect the interests of the Syrian people.`,
      `Neither readout mentioned Hmeimim or Tartus. A Syrian official said the future of the two bases had come up only in general terms and that no agreement had been reached. A Russian diplomat in the region said Moscow wanted to keep both sites but expected the negotiations to be long.`,
      `Late last month a Russian delegation led by a deputy foreign minister visited Damascus for the first time since the change of power. Three people familiar with those talks said the Syrian side had asked for Assad to be handed over, a request the Kremlin declined to discuss.`,
    ].join('\n\n'),
    claims: [
      {
        quote:
          'spoke by telephone on Wednesday, their first direct contact since Bashar al-Assad was driven from power in December',
        source: null,
        about: ['putin', 'sharaa'],
        stance: 'affirms',
        hedged: false,
        eventDate: '2025-02-12',
      },
      {
        quote: "Putin had stressed Russia's support for Syria's unity and territorial integrity",
        source: { text: 'The Kremlin', actor: 'kremlin', anonymous: false },
        about: ['putin', { entity: 'syria', role: 'object' }],
        stance: 'affirms',
        hedged: false,
      },
      {
        quote: 'the future of the two bases had come up only in general terms',
        source: { text: 'A Syrian official', actor: 'syria', count: 1, anonymous: true },
        about: ['hmeimim', 'tartus'],
        stance: 'affirms',
        hedged: false,
      },
      {
        quote: 'no agreement had been reached',
        source: { text: 'A Syrian official', actor: 'syria', count: 1, anonymous: true },
        about: ['hmeimim', 'tartus'],
        stance: 'denies',
        hedged: false,
      },
      {
        quote: 'Moscow wanted to keep both sites but expected the negotiations to be long',
        source: { text: 'A Russian diplomat in the region', actor: 'russia', count: 1, anonymous: true },
        about: ['russia', 'hmeimim', 'tartus'],
        stance: 'affirms',
        hedged: false,
      },
      {
        quote: 'the Syrian side had asked for Assad to be handed over',
        source: { text: 'Three people familiar with those talks', actor: null, count: 3, anonymous: true },
        about: ['syria-interim', { entity: 'assad', role: 'object' }],
        stance: 'affirms',
        hedged: false,
      },
      {
        quote: 'declined to discuss',
        source: { text: 'the Kremlin', actor: 'kremlin', anonymous: false },
        about: ['kremlin', { entity: 'assad', role: 'object' }],
        stance: 'no_comment',
        hedged: false,
      },
    ],
  },

  // ── 6 ───────────────────────────────────────────────────────────────────
  {
    title: 'Families shelter outside Hmeimim as violence sweeps Syrian coast',
    outlet: OUTLET,
    publishedAt: '2025-03-12',
    dateline: 'LATAKIA',
    text: [
      `date 2025-03-12 LATAKIA: Several thousand people from villages around Jableh have sought refuge at the gates of Hmeimim Air Base after days of killings on Syria's coast, according to residents and videos shared online.`,
      `The violence began on Thursday, when gunmen loyal to the former government ambushed security forces in the Latakia countryside. Government troops and allied factions launched a large counter-offensive, and monitoring groups have since reported hundreds of civilian deaths, most of them Alawites.`,
      `A Russian source said the base's commanders had let families shelter in an area just inside the perimeter and were handing out food and basic medical care. Drone footage filmed on Monday appeared to show tents and crowds along the base's northern fence.`,
      `Two Syrian security officials said government forces had not approached the base and that the Russian presence played no part in their operations. Russia's defence ministry has not publicly commented on the situation at Hmeimim.`,
      `The episode has made the base, once the centre of Russia's air war on Assad's behalf, an awkward neighbour for the new authorities in Damascus.`,
    ].join('\n\n'),
    claims: [
      {
        quote:
          'Several thousand people from villages around Jableh have sought refuge at the gates of Hmeimim Air Base',
        source: { text: 'residents', actor: null, anonymous: true },
        about: ['hmeimim'],
        stance: 'affirms',
        hedged: false,
      },
      {
        quote: "the base's commanders had let families shelter in an area just inside the perimeter",
        source: { text: 'A Russian source', actor: 'russia', count: 1, anonymous: true },
        about: ['hmeimim', 'russia-military'],
        stance: 'affirms',
        hedged: false,
      },
      {
        quote: "appeared to show tents and crowds along the base's northern fence",
        source: { text: 'Drone footage', actor: null, anonymous: false },
        about: ['hmeimim'],
        stance: 'affirms',
        hedged: true,
        eventDate: '2025-03-10',
      },
      {
        quote: 'government forces had not approached the base',
        source: { text: 'Two Syrian security officials', actor: 'syria', count: 2, anonymous: true },
        about: ['syria-mod', { entity: 'hmeimim', role: 'location' }],
        stance: 'denies',
        hedged: false,
      },
      {
        quote: 'has not publicly commented on the situation at Hmeimim',
        source: { text: "Russia's defence ministry", actor: 'russia-mod', anonymous: false },
        about: ['russia-mod', 'hmeimim'],
        stance: 'no_comment',
        hedged: false,
      },
      {
        quote:
          "has made the base, once the centre of Russia's air war on Assad's behalf, an awkward neighbour for the new authorities in Damascus",
        source: null,
        about: ['hmeimim', { entity: 'syria-interim', role: 'object' }],
        stance: 'affirms',
        hedged: false,
      },
    ],
  },

  // ── 7 ───────────────────────────────────────────────────────────────────
  {
    title: 'Ukrainian intelligence says Russia is shifting Syria assets to Libya',
    outlet: OUTLET,
    publishedAt: '2025-06-10',
    dateline: 'KYIV',
    text: [
      `date 2025-06-10 KYIV: Ukraine's military intelligence agency, HUR, said on Monday that Russia had moved a large share of the equipment it once kept in Syria to Libya and was using Libyan airfields as a springboard for its operations in the Sahel.`,
      `In a statement, the agency claimed that cargo flights between Hmeimim and al-Khadim had continued through the spring and that personnel of the Russian Africa Corps were rotating through al-Jufra. It published no evidence for the claims, which could not be independently verified.`,
      `Satellite imagery reviewed by the desk showed several transport aircraft at Hmeimim in late May, suggesting the base remains in active use, while only one Russian support vessel was visible at the Tartus naval facility.`,
      `A Russian source familiar with the matter dismissed the Ukrainian account as propaganda and said Russia was not leaving Syria. The Libyan National Army declined to comment.`,
      `Kyiv has for months drawn attention to the Mediterranean supply line that links Russia's forces at home with its deployments in Africa, and has urged European governments to raise the issue with Libyan leaders.`,
    ].join('\n\n'),
    claims: [
      {
        quote: 'Russia had moved a large share of the equipment it once kept in Syria to Libya',
        source: { text: "Ukraine's military intelligence agency, HUR", actor: 'hur', anonymous: false },
        about: ['russia-military', { entity: 'libya', role: 'location' }],
        stance: 'affirms',
        hedged: false,
        eventDate: '2025-06-09',
      },
      {
        quote: 'cargo flights between Hmeimim and al-Khadim had continued through the spring',
        source: { text: 'the agency', actor: 'hur', anonymous: false },
        about: ['hmeimim', 'al-khadim'],
        stance: 'affirms',
        hedged: true,
      },
      {
        quote: 'personnel of the Russian Africa Corps were rotating through al-Jufra',
        source: { text: 'the agency', actor: 'hur', anonymous: false },
        about: ['africa-corps', { entity: 'al-jufra', role: 'location' }],
        stance: 'affirms',
        hedged: true,
      },
      {
        quote: 'several transport aircraft at Hmeimim in late May, suggesting the base remains in active use',
        source: { text: 'Satellite imagery reviewed by the desk', actor: null, anonymous: false },
        about: ['hmeimim'],
        stance: 'affirms',
        hedged: true,
      },
      {
        quote: 'only one Russian support vessel was visible at the Tartus naval facility',
        source: { text: 'Satellite imagery reviewed by the desk', actor: null, anonymous: false },
        about: ['tartus'],
        stance: 'affirms',
        hedged: false,
      },
      {
        quote: 'Russia was not leaving Syria',
        source: { text: 'A Russian source familiar with the matter', actor: 'russia', count: 1, anonymous: true },
        about: ['russia', 'hmeimim', 'tartus'],
        stance: 'denies',
        hedged: false,
      },
    ],
  },

  // ── 8 ───────────────────────────────────────────────────────────────────
  {
    title: 'Al-Sharaa tells Putin Syria will honour past agreements',
    outlet: OUTLET,
    publishedAt: '2025-10-16',
    dateline: 'MOSCOW',
    text: [
      `date 2025-10-16 MOSCOW: Ahmad al-Sharaa held talks with Vladimir Putin at the Kremlin on Wednesday, his first trip to Russia since the offensive he led ended Bashar al-Assad's rule last December.`,
      `Opening the meeting, al-Sharaa said Syria would respect all the agreements it had signed with Russia in the past and wanted to put relations on a new footing. Putin spoke of decades of close ties between the two countries and said Russia was ready to help with Syria's reconstruction.`,
      `Before the talks, Dmitry Peskov told reporters that Russia's military presence in Syria would be among the subjects discussed, but he would not say whether any agreement on Hmeimim or Tartus was expected. Russian officials have said throughout the year that the future of the two bases has not been decided.`,
      `Two Syrian officials said Damascus was open to letting Russia keep both sites on revised terms, possibly in exchange for wheat and fuel deliveries and help in rebuilding the Syrian army, but that no text had been agreed.`,
      `The visit followed a trip to Moscow in July by Syria's foreign minister, Asaad al-Shaibani, who held talks with Sergei Lavrov. A Syrian government source said al-Sharaa was also expected to raise the fate of Assad, who has lived in Russia since fleeing Damascus.`,
    ].join('\n\n'),
    claims: [
      {
        quote: 'held talks with Vladimir Putin at the Kremlin on Wednesday',
        source: null,
        about: ['sharaa', 'putin'],
        stance: 'affirms',
        hedged: false,
        eventDate: '2025-10-15',
      },
      {
        quote: 'Syria would respect all the agreements it had signed with Russia in the past',
        source: { text: 'al-Sharaa', actor: 'sharaa', anonymous: false },
        about: [
          'syria',
          { entity: 'russia', role: 'object' },
          { entity: 'hmeimim', role: 'object' },
          { entity: 'tartus', role: 'object' },
        ],
        stance: 'affirms',
        hedged: false,
        eventDate: '2025-10-15',
      },
      {
        quote: "Russia's military presence in Syria would be among the subjects discussed",
        source: { text: 'Dmitry Peskov', actor: 'peskov', anonymous: false },
        about: ['russia-military', 'hmeimim', 'tartus'],
        stance: 'affirms',
        hedged: false,
      },
      {
        quote: 'the future of the two bases has not been decided',
        source: { text: 'Russian officials', actor: 'russia', anonymous: true },
        about: ['hmeimim', 'tartus'],
        stance: 'denies',
        hedged: false,
      },
      {
        quote:
          'Damascus was open to letting Russia keep both sites on revised terms, possibly in exchange for wheat and fuel deliveries',
        source: { text: 'Two Syrian officials', actor: 'syria', count: 2, anonymous: true },
        about: ['syria-interim', 'hmeimim', 'tartus'],
        stance: 'affirms',
        hedged: true,
      },
      {
        quote: 'no text had been agreed',
        source: { text: 'Two Syrian officials', actor: 'syria', count: 2, anonymous: true },
        about: ['hmeimim', 'tartus'],
        stance: 'denies',
        hedged: false,
      },
    ],
  },

  // ── 9: another desk's report of the same days, for statements: one claim corroborates report 2,
  // one repeats its Syrian officials, and a ministry denies it ─────────────────────────────────
  {
    title: 'Russian transports loaded at Hmeimim; Moscow denies leaving the northeast',
    outlet: 'Sitrep demo wire',
    publishedAt: '2024-12-16',
    dateline: 'LATAKIA',
    text: [
      `date 2024-12-16 LATAKIA: Two An-124 heavy transport aircraft were parked at Hmeimim Air Base with their nose sections raised on Friday, according to satellite pictures reviewed by an independent imagery analyst.`,
      `A Syrian security official said Russian troops had pulled out of Qamishli airport and positions near Kuweires air base in recent days.`,
      `A spokesman for Russia's defence ministry denied that Russian troops had withdrawn from Qamishli airport, saying the units there had only been rotated.`,
    ].join('\n\n'),
    claims: [
      {
        quote:
          'Two An-124 heavy transport aircraft were parked at Hmeimim Air Base with their nose sections raised on Friday',
        source: {
          text: 'satellite pictures reviewed by an independent imagery analyst',
          actor: null,
          anonymous: false,
        },
        about: ['hmeimim'],
        stance: 'affirms',
        hedged: false,
        eventDate: '2024-12-13',
      },
      {
        quote: 'Russian troops had pulled out of Qamishli airport and positions near Kuweires air base in recent days',
        source: { text: 'A Syrian security official', actor: 'syria', count: 1, anonymous: true },
        about: ['russia-military', 'qamishli', 'kuweires'],
        stance: 'affirms',
        hedged: false,
      },
      {
        quote: 'Russian troops had withdrawn from Qamishli airport',
        source: { text: "A spokesman for Russia's defence ministry", actor: 'russia-mod', anonymous: false },
        about: ['russia-military', 'qamishli'],
        stance: 'denies',
        hedged: false,
      },
    ],
  },
];

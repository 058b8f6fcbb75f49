// A wire story of our own, in our own words, and what outlets make of it: a cut, re-datelined copy,
// and another agency's report of the same event in other words.

export const WIRE_STORY = `date 2025-03-04 LATAKIA:

Two Russian transport aircraft left Hmeimim Air Base on Monday evening, according to three Syrian officials who spoke on condition of anonymity because they were not authorised to brief the press.

The officials said the aircraft carried radar components and spare parts for air defence batteries that had been stationed near the coastal city of Jableh since 2016.

A spokesman for the Russian defence ministry declined to comment on the flights, saying only that Russian forces in Syria continued to operate in line with existing agreements.

Satellite images taken on Sunday and reviewed by analysts at a private imagery firm showed fewer vehicles parked beside the main runway than a month earlier.

Residents of nearby villages said convoys of trucks had moved along the coastal highway towards Tartous for most of the past week, mostly at night.`;

/** The story as another outlet runs it: a new dateline and date, the last two paragraphs cut. */
export const WIRE_COPY = `date 2025-03-05 LATAKIA:

LATAKIA, Syria (Reuters) - Two Russian transport aircraft left Hmeimim Air Base on Monday evening, according to three Syrian officials who spoke on condition of anonymity because they were not authorised to brief the press.

The officials said the aircraft carried radar components and spare parts for air defence batteries that had been stationed near the coastal city of Jableh since 2016.

A spokesman for the Russian defence ministry declined to comment on the flights, saying only that Russian forces in Syria continued to operate in line with existing agreements.`;

/** The same event, reported by someone else in their own words. */
export const OTHER_REPORT = `date 2025-03-04 DAMASCUS:

Russia flew two cargo planes out of its Hmeimim base on Monday, Syrian security sources said, in what they described as the latest sign that Moscow is scaling back its presence on the coast.

The sources, who asked not to be named, said the planes were loaded with radar equipment. Moscow did not respond to a request for comment.`;

import { describe, expect, it } from 'vitest';
import { findHedges, isHedged } from './hedges';

const words = (text: string) => findHedges(text).map((hedge) => hedge.word);

describe('findHedges', () => {
  it.each([
    ['The convoy appeared to be heading north.', 'appeared'],
    ['The hangar appears empty in the latest images.', 'appears'],
    ['The guards appear to have left their posts.', 'appear'],
    ['The trucks, apparently loaded with ammunition, left at dawn.', 'apparently'],
    ['An apparent drone strike hit the depot.', 'apparent'],
    ['The commander has reportedly fled the country.', 'reportedly'],
    ['Reportedly, the talks broke down.', 'Reportedly'],
    ['The group allegedly smuggled fuel across the border.', 'allegedly'],
    ['The alleged plot was uncovered in March.', 'alleged'],
    ['The images suggested a build-up near the coast.', 'suggested'],
    ['The statement was a pledge suggesting the bases would stay.', 'suggesting'],
    ['The timing suggests a deliberate decision.', 'suggests'],
    ['Analysts said the move was likely to anger Ankara.', 'likely'],
    ['A deal is unlikely before the election.', 'unlikely'],
    ['The blast was most likely caused by a gas leak.', 'likely'],
    ['The frigate will possibly dock next week.', 'possibly'],
    ['A possible motive is revenge.', 'possible'],
    ['It is possible that the ships will return.', 'possible'],
    ['The ministry may announce new measures.', 'may'],
    ['The embassy might close within days.', 'might'],
    ['The pilot is believed to have ejected safely.', 'believed to'],
    ['The cargo was presumably bound for Benghazi.', 'presumably'],
    ['A purportedly leaked memo circulated online.', 'purportedly'],
    ['A purported recording was broadcast on Monday.', 'purported'],
    ['The town was seemingly abandoned.', 'seemingly'],
    ['The deal seems to have collapsed.', 'seems'],
    ['The general is said to be in hiding.', 'is said to'],
    ['The sailors are said to be safe.', 'are said to'],
    ['The envoy was thought to be in Cairo.', 'was thought to'],
    ['The unit is widely reported to have withdrawn.', 'is widely reported to'],
    ['According to unconfirmed reports, the airport was shelled.', 'According to unconfirmed reports'],
    ['The general is rumoured to be ill.', 'is rumoured to'],
    ['The rumored deal would hand over the port.', 'rumored'],
    ['Unconfirmed footage shows a column of tanks.', 'Unconfirmed'],
    ['The claims are unverified.', 'unverified'],
    ['Maybe the talks will resume, he said.', 'Maybe'],
    ['The ships will perhaps return in spring.', 'perhaps'],
    ['The airfield was probably hit twice.', 'probably'],
    ['TROOPS MAY WITHDRAW BY SPRING', 'MAY'],
  ])('%j → %j', (text, expected) => {
    expect(words(text)).toEqual([expected]);
  });

  it.each([
    ['the month after "in"', 'Elections were held in May.'],
    ['the month before a day', 'The strike took place on May 5.'],
    ['the month at the start of a sentence', 'May 5 was the deadline.'],
    ['the month before a year', 'The port was leased in May 2019.'],
    ['the month after a preposition', 'Fighting has continued since May.'],
    ['a surname', 'Theresa May visited the base.'],
    ['a sentence-initial wish', 'May the talks bring peace, the cleric said.'],
    ['the month in capitals', 'TALKS OPEN MAY 5'],
    ['the month in capitals', 'TROOPS TO LEAVE IN MAY'],
    ['a word that contains "may"', 'A Mayday call was heard; the mayor expressed dismay.'],
    ['"might" as a noun', 'The parade showed Russia’s military might.'],
    ['"might" as a noun', 'They fought with all their might.'],
    ['"might" as a noun', 'The might of the navy was on display.'],
    ['"appeared" meaning showed up', 'The suspect appeared in court on Monday.'],
    ['"appeared" meaning showed up', 'The minister appeared on state television.'],
    ['"possible" in a set phrase', 'Evacuate as soon as possible, the mayor urged.'],
    ['"possible" in a set phrase', 'The loan made it possible to rebuild the pier.'],
    ['"possible" in a set phrase', 'Aid will be delivered by road where possible.'],
    ['a denial of possibility', 'It is impossible to cancel the contract.'],
    ['a plain report', 'Reuters reported the sale on Tuesday.'],
    ['a plain statement', 'The spokesman said to reporters that the port was open.'],
    ['a plain statement', 'The ministry confirmed the ships had left.'],
  ])('ignores %s: %j', (_kind, text) => {
    expect(words(text)).toEqual([]);
  });

  it('gives offsets into the text, and the word as written', () => {
    const text = 'The vessel, apparently damaged, may have been towed.';
    const hedges = findHedges(text);
    expect(hedges).toEqual([
      { word: 'apparently', start: 12, end: 22 },
      { word: 'may', start: 32, end: 35 },
    ]);
    for (const hedge of hedges) expect(text.slice(hedge.start, hedge.end)).toBe(hedge.word);
  });

  it('finds every hedge, in order, reporting a phrase once', () => {
    expect(words('According to unconfirmed reports, the crew is said to have left and may possibly return.')).toEqual([
      'According to unconfirmed reports',
      'is said to',
      'may',
      'possibly',
    ]);
  });

  it('tells the month from the modal in one sentence', () => {
    expect(words('Officials warned in May that the dam may fail.')).toEqual(['may']);
  });

  it('is case-insensitive and keeps to word boundaries', () => {
    expect(words('REPORTEDLY, THE BASE WAS HIT.')).toEqual(['REPORTEDLY']);
    expect(words('The appearance of the ships was expected.')).toEqual([]);
    expect(words('The likelihood of talks is low.')).toEqual([]);
  });
});

describe('isHedged', () => {
  it('is true when the text has a hedge', () => {
    expect(isHedged('The base was reportedly evacuated.')).toBe(true);
    expect(isHedged('Satellite images appeared to show damage.')).toBe(true);
  });

  it('is false when it has none', () => {
    expect(isHedged('The base was evacuated on Friday.')).toBe(false);
    expect(isHedged('')).toBe(false);
  });
});

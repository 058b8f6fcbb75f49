import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract';
import type { ExtractedClaim } from './types';

// 2024-12-15 is a Sunday.
const claims = (body: string, published = '2024-12-15'): ExtractedClaim[] =>
  extractArticle(`date ${published} LATAKIA: ${body}`).claims;

describe('stance', () => {
  it('splits "… but is not leaving …" into an affirming and a denying claim from one source', () => {
    const text =
      'date 2024-12-15 LATAKIA: Russia is pulling its jets back from the Qarawi airbase but is not leaving Syria, four Syrian officials said.';
    const found = extractArticle(text).claims;
    expect(found.map((c) => [c.quote, c.stance])).toEqual([
      ['Russia is pulling its jets back from the Qarawi airbase', 'affirms'],
      ['is not leaving Syria', 'denies'],
    ]);
    expect(found[0]!.source).toEqual(found[1]!.source);
    expect(found[0]!.source?.text).toBe('four Syrian officials');
    expect(found[1]!.start).toBe(text.indexOf('is not leaving'));
    // The denial has no subject of its own: it is about Russia, the sentence's subject.
    expect(found[1]!.about).toContain('Russia');
  });

  it('keeps a "but" between two affirmations as one claim', () => {
    const found = claims(
      'Syrian officials said Russia had moved two frigates to Port Sela but had kept its jets at the Qarawi airbase.',
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.stance).toBe('affirms');
  });

  it.each([
    ['Syrian officials said Russia had no plans to withdraw from Port Sela.', 'denies'],
    ['Syrian officials said Russia would never leave Port Sela.', 'denies'],
    ['Syrian officials said Russia had withdrawn from Port Sela.', 'affirms'],
    ['Syrian officials said Russia had not only kept Port Sela but expanded it.', 'affirms'],
  ])('reads %j as %s', (body, stance) => {
    expect(claims(body).map((c) => c.stance)).toEqual([stance]);
  });

  // Was a bug (fixed): the verb of denial is the frame, so only its content ("Russian troops were leaving Syria")
  // is read for negation: the Kremlin's denial comes out as stance "affirms".
  it('reads "The Kremlin denied that …" as a denial', () => {
    expect(claims('The Kremlin denied that Russian troops were leaving Syria.').map((c) => c.stance)).toEqual([
      'denies',
    ]);
  });
});

describe('hedges', () => {
  it.each([
    ['Russia has reportedly moved two frigates out of Port Sela.', 'reportedly'],
    ['The Qarawi airbase appeared to be empty on Saturday.', 'appeared'],
    ['Syrian officials said the base was apparently empty.', 'apparently'],
    ['Syrian officials said Russian jets may return to the Qarawi airbase.', 'may'],
    ['Syrian officials said Russia is believed to have kept two jets at Qarawi.', 'believed to'],
  ])('marks %j as hedged (%s)', (body) => {
    expect(claims(body).map((c) => c.hedged)).toEqual([true]);
  });

  it('marks a claim hedged when the reporting verb hedges ("suggested that")', () => {
    expect(claims('Syria suggested that Russia had sent two frigates to Port Sela.')).toMatchObject([
      { quote: 'Russia had sent two frigates to Port Sela', hedged: true },
    ]);
  });

  it('leaves a plain statement unhedged', () => {
    expect(claims('Syrian officials said Russian jets had left the Qarawi airbase.').map((c) => c.hedged)).toEqual([
      false,
    ]);
  });

  it('leaves "May" the month unhedged', () => {
    expect(claims('Syrian officials said Russian jets had left the Qarawi airbase in May.')[0]?.hedged).toBe(false);
  });
});

describe('event date', () => {
  it.each([
    ['on Saturday', '2024-12-14'],
    ['on Sunday', '2024-12-15'],
    ['on Monday', '2024-12-09'],
    ['on Dec. 9', '2024-12-09'],
    ['on December 9', '2024-12-09'],
    ['yesterday', '2024-12-14'],
  ])('dates "%s" in an article of Sunday 2024-12-15 as %s', (when, date) => {
    expect(claims(`Russian jets have left the Qarawi airbase ${when}, Syrian officials said.`)).toMatchObject([
      { event_date: date },
    ]);
  });

  it('dates the day of the statement when the sentence names no other', () => {
    expect(claims('The Kremlin said on Saturday that the talks had ended.')).toMatchObject([
      { quote: 'the talks had ended', event_date: '2024-12-14' },
    ]);
  });

  it('reads a weekday in the article’s own week across a month boundary', () => {
    // 2025-01-02 is a Thursday: "on Monday" is 2024-12-30.
    expect(
      claims('Russian jets have left the Qarawi airbase on Monday, Syrian officials said.', '2025-01-02'),
    ).toMatchObject([{ event_date: '2024-12-30' }]);
  });

  it.each([
    'Russian jets have left the Qarawi airbase, Syrian officials said.',
    'Russian jets have left the Qarawi airbase in recent weeks, Syrian officials said.',
    'Russian jets have left the Qarawi airbase in December, Syrian officials said.',
  ])('gives no date to %j', (body) => {
    expect(claims(body).map((c) => c.event_date)).toEqual([null]);
  });
});

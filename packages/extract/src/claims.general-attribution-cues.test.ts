import { describe, expect, it } from 'vitest';
import { claimWith, extractChecked } from './test-support';

// Every sentence here is our own; each pins one rule of general English attribution.
const article = (...paragraphs: string[]) => `date 2025-03-10 QARAWI: ${paragraphs.join('\n\n')}`;

const extract = extractChecked;

describe('the reporting-verb lexicon', () => {
  it.each([
    ['stressed', 'The Kremlin stressed that the runway would stay open.'],
    ['clarified', 'The Kremlin clarified that the runway would stay open.'],
    ['reiterated', 'The Kremlin reiterated that the runway would stay open.'],
    ['acknowledged', 'The Kremlin acknowledged that the runway would stay open.'],
  ])('reads "%s" as a verb of saying', (_verb, sentence) => {
    expect(claimWith(extract(article(sentence)), 'runway')).toMatchObject({
      quote: 'the runway would stay open',
      source: { text: 'The Kremlin' },
    });
  });

  it('keeps an adverb between the source and its verb out of both', () => {
    expect(claimWith(extract(article('The Kremlin also said the runway would stay open.')), 'runway')).toMatchObject({
      quote: 'the runway would stay open',
      source: { text: 'The Kremlin' },
    });
  });

  it('reads "rejected"/"dismissed" as a denial of what they report', () => {
    const c = claimWith(extract(article('The ministry dismissed reports that the base would close.')), 'base');
    expect(c.stance).toBe('denies');
  });

  it('does not take a noun that looks like a verb for the verb: "media reports suggested"', () => {
    const c = claimWith(
      extract(article('Two Syrian traders and media reports suggested in May that the lease had been cancelled.')),
      'lease',
    );
    expect(c.source?.text).toBe('Two Syrian traders and media reports');
    expect(c.hedged).toBe(true);
  });

  it('takes "a report said" as a source, not "a" saying "report"', () => {
    const c = claimWith(extract(article('A report said the runway had been repaired.')), 'runway');
    expect(c.source?.text).toBe('A report');
  });
});

describe('trailing frames with an addressee and adverbials', () => {
  it('ends the quote before "…, X told the Y channel in an interview, adding that …"', () => {
    const result = extract(
      article(
        'The two states are reviewing the old base agreements, Foreign Minister Karim Haddad told the Al-Qarawi Today television channel in an interview, adding that no new deal had been signed.',
      ),
    );
    expect(claimWith(result, 'reviewing')).toMatchObject({
      quote: 'The two states are reviewing the old base agreements',
      source: { actor: 'Karim Haddad' },
    });
    expect(claimWith(result, 'no new deal')).toMatchObject({ stance: 'denies', source: { actor: 'Karim Haddad' } });
  });

  it('gives no addressee to verbs other than "told": "…, the developments suggest a shift" is no frame', () => {
    const result = extract(
      article('While earlier strikes hit supply depots, the latest raids suggest a shift toward the airfields.'),
    );
    expect(result.claims.every((c) => c.source === null)).toBe(true);
  });

  it('never takes quoted words or a subordinate clause for a source', () => {
    const result = extract(article('“We already declared that the runway is open,” the governor said.'));
    expect(claimWith(result, 'runway').source?.text).toBe('the governor');
  });
});

describe('sources named before the content', () => {
  it('"In his words, …" takes the speaker from the pronoun\'s antecedent', () => {
    const result = extract(
      article(
        'Defence Minister Karim Haddad said on Monday that the talks would resume.',
        'In his words, the base agreements are “under review”.',
      ),
    );
    expect(claimWith(result, 'under review').source).toMatchObject({ text: 'his', actor: 'Karim Haddad' });
  });

  it('"In the words of X, …" names the source inside the opening', () => {
    const c = claimWith(
      extract(article('In the words of the Kremlin, the runway at the Qarawi airbase remains open.')),
      'runway',
    );
    expect(c.source?.text).toBe('the Kremlin');
  });
});

describe('follow-ups and the side a source is on', () => {
  it('"the minister" points back at the minister named before', () => {
    const result = extract(
      article(
        'Syria’s Foreign Minister Karim Haddad said on Monday that the talks would resume.',
        '“We have not reached a deal,” the minister said.',
      ),
    );
    expect(claimWith(result, 'reached a deal').source?.actor).toBe('Karim Haddad');
  });

  it('"the ministry" never points back at a person: with no ministry named before, it is no one named', () => {
    const result = extract(
      article(
        'Researcher Lena Sorel said satellite images showed two frigates at the pier.',
        'The ministry rejected the report, saying no frigate had left the port.',
      ),
    );
    expect(claimWith(result, 'satellite images').source?.actor).toBe('Researcher Lena Sorel');
    expect(claimWith(result, 'no frigate').source).toMatchObject({ text: 'The ministry', actor: null });
  });

  it('"the Syrian transport ministry spokesman" points back at the spokesman, not at the ministry', () => {
    const result = extract(
      article(
        '“The runway is ready,” Karim Haddad, a Syrian transport ministry spokesman, told reporters.',
        'The Syrian transport ministry spokesman rejected claims that the base would host warships.',
      ),
    );
    expect(claimWith(result, 'warships').source).toMatchObject({ actor: 'Karim Haddad', anonymous: false });
  });

  it('a source "speaking to" an outlet is on its own side, not the outlet\'s', () => {
    const c = claimWith(
      extract(article('An Iraqi security source speaking to Qarawi News said the convoy had left the base.')),
      'convoy',
    );
    expect(c.source?.actor).toBe('Iraq');
  });

  it('a firm behind satellite images speaks as itself', () => {
    const c = claimWith(
      extract(article('US commercial satellite company Orbital Eye said the hangars had been destroyed.')),
      'hangars',
    );
    expect(c.source?.actor).toBe('Orbital Eye');
  });
});

describe('quotations that go on', () => {
  it('a paragraph that is wholly a quotation goes on quoting the last speaker', () => {
    const result = extract(
      article(
        '“The runway is ready. We will open it soon,” Karim Haddad, a Syrian transport ministry spokesman, told AFP.',
        '“We already said there is no foreign base there — we are only repairing our own airfield.”',
      ),
    );
    expect(claimWith(result, 'foreign base').source?.actor).toBe('Karim Haddad');
  });

  it('a quoted paragraph whose speaker is named at its end is not given to the last speaker', () => {
    const result = extract(
      article(
        '“The runway is ready,” Karim Haddad, a Syrian transport ministry spokesman, told AFP.',
        '“The new pier looks like a naval one,” said the analyst Lina Farouk of the Qarawi Institute.',
      ),
    );
    expect(claimWith(result, 'pier').source?.text).toContain('Lina Farouk');
  });
});

describe('stance', () => {
  it('"are yet to be signed" denies that something has happened', () => {
    const c = claimWith(extract(article('The ministry said new agreements are yet to be signed.')), 'agreements');
    expect(c.stance).toBe('denies');
  });

  it('a message quoted after a colon does not make the clause a denial', () => {
    const c = claimWith(
      extract(article('An Israeli official said the strike was a message: “Do not build a base here.”')),
      'message',
    );
    expect(c.stance).toBe('affirms');
  });
});

describe('more frames of general English', () => {
  it('quoted speech followed by any verb of saying: “…,” explained X', () => {
    const c = claimWith(
      extract(article('“We are in full agreement on the port,” explained Foreign Minister Karim Haddad.')),
      'agreement',
    );
    expect(c.source?.actor).toBe('Karim Haddad');
  });

  it('"…, X told Y, but said …" is a second statement by the same source', () => {
    const result = extract(
      article(
        '“We want Russia on our side,” Foreign Minister Karim Haddad told his Russian counterpart, but said there were problems with the old deals.',
      ),
    );
    expect(claimWith(result, 'problems').source?.actor).toBe('Karim Haddad');
  });

  it('"… and denied that …" keeps the denial of the second statement', () => {
    const c = claimWith(
      extract(article('The Kremlin said the talks were going on and denied that its jets had left.')),
      'jets',
    );
    expect(c).toMatchObject({ quote: 'its jets had left', stance: 'denies', source: { text: 'The Kremlin' } });
  });

  it('an opening adverb of time is not part of the source: "Tonight, residents reported …"', () => {
    const c = claimWith(extract(article('Tonight, residents of the border towns reported explosions.')), 'explosions');
    expect(c.source?.text).toBe('residents of the border towns');
  });

  it('a later mention by a middle name is the same person: "Yousif" for "Ali Yousif Al-Hamid"', () => {
    const result = extract(
      article(
        'Sudanese Foreign Minister Ali Yousif Al-Hamid met the envoy on Monday.',
        '“We have agreed on everything,” said Yousif.',
      ),
    );
    expect(claimWith(result, 'agreed').source?.actor).toBe('Ali Yousif Al-Hamid');
  });

  it('"satellite images from X, a commercial imagery company" are evidence, not the company', () => {
    const c = claimWith(
      extract(article('New satellite images from Orbital Eye, a US commercial imagery company, show a new pier.')),
      'pier',
    );
    expect(c.source?.actor).toBeNull();
  });

  it('"we" in a minister\'s mouth is about the state the title names', () => {
    const result = extract(
      article(
        'Sudanese Foreign Minister Ali Yousif Al-Hamid met the envoy on Monday.',
        '“We have agreed on everything,” said Yousif.',
      ),
    );
    expect(claimWith(result, 'agreed').about).toContain('Sudan');
  });

  it('"special services" keep the state that names them', () => {
    const c = claimWith(
      extract(article('A source in Ukrainian special services said the hangar had been hit.')),
      'hangar',
    );
    expect(c.source?.actor).toBe('Ukraine');
  });
});

describe('sources that speak over several sentences', () => {
  it('a quotation in straight quote marks over several sentences takes the speaker named at its end', () => {
    const result = extract(
      article(
        'Officials in Kyiv spoke of the raid.',
        '"The hangar was hit. There is damage. Other results are being checked," the officer said.',
      ),
    );
    for (const fragment of ['hangar was hit', 'There is damage', 'Other results'])
      expect(claimWith(result, fragment).source?.text).toBe('the officer');
  });

  it('"X informed Y" reports what X said', () => {
    const c = claimWith(
      extract(article('There is damage at the base, a source in Ukrainian special services informed the agency.')),
      'damage',
    );
    expect(c.source).toMatchObject({ text: 'a source in Ukrainian special services', actor: 'Ukraine' });
  });

  it('"the interlocutor" points back at the latest source who is a person', () => {
    const result = extract(
      article(
        'There is damage at the base, a source in Ukrainian special services informed the agency.',
        'According to the interlocutor, the drones flew from the south.',
      ),
    );
    expect(claimWith(result, 'drones').source?.actor).toBe('Ukraine');
  });

  it('"the source" points back at "a source in X" named outside any frame', () => {
    const result = extract(
      article(
        'Our reporter spoke to a source in Ukrainian special services.',
        '“The hangar was hit,” the source said.',
      ),
    );
    expect(claimWith(result, 'hangar').source?.actor).toBe('Ukraine');
  });
});

describe('quotations inside a statement', () => {
  it('a message quoted after a colon is a statement of its own, by the same source', () => {
    const result = extract(
      article('An Israeli official said the strike was a message to Ankara: “Do not build a base here.”'),
    );
    expect(claimWith(result, 'message to Ankara').quote).toBe('the strike was a message to Ankara');
    expect(claimWith(result, 'Do not build')).toMatchObject({
      quote: 'Do not build a base here',
      source: { text: 'An Israeli official' },
    });
  });

  it('two quotations joined by "and" are two statements', () => {
    const result = extract(
      article(
        'Foreign Minister Karim Haddad spoke on Monday.',
        'In his words, “the talks were slow” and “there is no new deal” between the two states.',
      ),
    );
    expect(claimWith(result, 'talks were slow').quote).toBe('the talks were slow');
    expect(claimWith(result, 'no new deal').stance).toBe('denies');
  });
});

describe('nested attribution: the innermost speaker is the source', () => {
  it('"…, the agency reported, citing two Syrian military sources"', () => {
    const c = claimWith(
      extract(article('The base will close in May, the agency reported, citing two Syrian military sources.')),
      'close in May',
    );
    expect(c).toMatchObject({
      quote: 'The base will close in May',
      source: { text: 'two Syrian military sources', actor: 'Syria', count: 2, anonymous: true },
    });
  });

  it('"X reported, citing Y, that …": no frame word inside the quote', () => {
    const c = claimWith(
      extract(article('Interfax reported, citing a source in the Russian defence ministry, that the ships had left.')),
      'ships',
    );
    expect(c).toMatchObject({
      quote: 'the ships had left',
      source: { text: 'a source in the Russian defence ministry' },
    });
  });

  it('"According to X, citing Y, …"', () => {
    const c = claimWith(
      extract(article('According to the agency, citing a Russian diplomat, the talks will resume.')),
      'talks',
    );
    expect(c.source).toMatchObject({ text: 'a Russian diplomat', actor: 'Russia' });
  });

  it('"Two officials said X, according to the spokesman": the officials said it', () => {
    const c = claimWith(
      extract(article('Two Syrian officials said the runway was closed, according to the spokesman.')),
      'runway',
    );
    expect(c).toMatchObject({ quote: 'the runway was closed', source: { text: 'Two Syrian officials', count: 2 } });
  });
});

describe('clauses that affirm and deny in one sentence', () => {
  it('"A, and B" splits where one affirms and the other denies', () => {
    const result = extract(article('“We agree on the port, and there are no obstacles,” said the minister.'));
    expect(claimWith(result, 'agree').stance).toBe('affirms');
    expect(claimWith(result, 'obstacles').stance).toBe('denies');
  });

  it('"A — B" splits the same way', () => {
    const result = extract(
      article('“There is no foreign base here — we are repairing our own airfield,” the spokesman said.'),
    );
    expect(claimWith(result, 'foreign base').stance).toBe('denies');
    expect(claimWith(result, 'repairing').stance).toBe('affirms');
  });

  it('a manner adverb before the verb is neither source nor content: "flatly rejected"', () => {
    const c = claimWith(extract(article('The command flatly denied that its jets had landed.')), 'jets');
    expect(c).toMatchObject({ source: { text: 'The command' }, stance: 'denies' });
  });

  it('"the family said": a word ending in -ly is not taken for an adverb', () => {
    expect(claimWith(extract(article('The family said the pilot was alive.')), 'pilot').source?.text).toBe(
      'The family',
    );
  });

  it('a demand denies nothing: “Do not build a base here” affirms', () => {
    const c = claimWith(
      extract(article('The official said the message was clear: “Do not build a base here.”')),
      'Do not',
    );
    expect(c.stance).toBe('affirms');
  });
});

describe('more cues and scopes', () => {
  it('"signalled Thursday they would …": a verb of saying with a bare weekday', () => {
    const c = claimWith(
      extract(article('Russia and Syria signalled Thursday they would review the old base deals.')),
      'review',
    );
    expect(c).toMatchObject({ quote: 'they would review the old base deals', source: { text: 'Russia and Syria' } });
    // "they" is both of them.
    expect(c.about).toEqual(expect.arrayContaining(['Russia', 'Syria']));
  });

  it('"US officials suspect …" reports what they think, without hedging it', () => {
    const c = claimWith(extract(article('US officials suspect the pier is being built for warships.')), 'pier');
    expect(c).toMatchObject({ source: { actor: 'United States' }, hedged: false });
  });

  it('"According to Harbour Watch Monitor, …": the name after "according to" is a source, not a place', () => {
    const c = claimWith(
      extract(article('According to Harbour Watch Monitor, the drones will arrive in May.')),
      'drones',
    );
    expect(c.source?.actor).toBe('Harbour Watch Monitor');
    const person = claimWith(extract(article('According to Lina Farouk, the pier is finished.')), 'pier');
    expect(person.source?.actor).toBe('Lina Farouk');
  });

  it('a quoted phrase inside a sentence does not end it: “friends and partners” on its path, X said', () => {
    const c = claimWith(
      extract(article('Syria needs “friends and partners” on its path to recovery, Karim Haddad said.')),
      'friends',
    );
    expect(c.source?.text).toBe('Karim Haddad');
  });

  it('"its" after an actor named in the claim points at that actor, not the speaker', () => {
    const c = claimWith(
      extract(article('US officials suspect the pier is being built as Beijing seeks to extend its reach.')),
      'pier',
    );
    expect(c.about).not.toContain('United States');
  });
});

describe('participles, openings and outlets', () => {
  it('"X disputed that, saying that …": the subject said what follows, as a denial of the first part', () => {
    const c = claimWith(
      extract(article('Hadfield disputed that, saying that there were no such jets in the region.')),
      'jets',
    );
    expect(c).toMatchObject({ quote: 'there were no such jets in the region', source: { text: 'Hadfield' } });
  });

  it('"Overall, according to X, …" after an opening adverb', () => {
    const c = claimWith(extract(article('Overall, according to the Kremlin, the talks went well.')), 'talks');
    expect(c.source?.text).toBe('the Kremlin');
  });

  it('"the publication" points at the outlet named last', () => {
    const result = extract(
      article(
        'A source told KTV-Ukraine that the airfield was hit.',
        'According to the publication, the unit is based there.',
      ),
    );
    expect(claimWith(result, 'unit').source?.actor).toBe('KTV-Ukraine');
  });
});

describe('a second speaker in a clause of its own', () => {
  it('"…, after satellite images showed …" is the images\' claim, apart from the first speaker\'s', () => {
    const result = extract(
      article('Cambodia confirmed on Tuesday that the pier is finished, after satellite images showed a new dock.'),
    );
    expect(claimWith(result, 'pier is finished').source?.actor).toBe('Cambodia');
    expect(claimWith(result, 'new dock')).toMatchObject({
      quote: 'a new dock',
      source: { text: 'satellite images', actor: null },
    });
  });

  it('"…, which Israeli analysts warn could …" is the analysts\' claim', () => {
    const result = extract(
      article(
        'Ankara plans to deploy air defence systems at the base, which Israeli analysts warn could limit its jets.',
      ),
    );
    expect(claimWith(result, 'could limit')).toMatchObject({
      quote: 'could limit its jets',
      source: { text: 'Israeli analysts', actor: 'Israel' },
    });
    expect(claimWith(result, 'Ankara plans').source).toBeNull();
  });

  it('"The company cited satellite imagery as showing that …" is the company\'s reading', () => {
    const result = extract(
      article(
        'US commercial satellite company Orbital Eye said a strike hit the base.',
        'The company cited satellite imagery taken on Thursday as showing that two jets had been destroyed.',
      ),
    );
    expect(claimWith(result, 'two jets')).toMatchObject({
      quote: 'two jets had been destroyed',
      source: { text: 'The company', actor: 'Orbital Eye' },
    });
  });
});

describe('claims rejected by someone else', () => {
  it('"X rejected Russian claims that Y": Y is the claimants\' statement, as worded; X goes on saying', () => {
    const result = extract(
      article(
        'The US command flatly rejected Russian claims that Moscow did not send jets, saying on Friday that the aircraft were Russian.',
      ),
    );
    expect(claimWith(result, 'did not send')).toMatchObject({
      quote: 'Moscow did not send jets',
      source: { text: 'Russian claims', actor: 'Russia' },
      stance: 'denies',
    });
    expect(claimWith(result, 'aircraft were')).toMatchObject({
      quote: 'the aircraft were Russian',
      source: { text: 'The US command' },
    });
  });

  it("claims nobody is named for stay the rejecting source's denial", () => {
    const c = claimWith(extract(article('The ministry rejected claims that the base would close.')), 'base');
    expect(c).toMatchObject({ source: { text: 'The ministry' }, stance: 'denies' });
  });
});

describe('who speaks inside a long source', () => {
  it('"X recalls that the ambassador, Y, recently told …": Y is the source', () => {
    const c = claimWith(
      extract(
        article(
          'Harchaoui recalls that the Russian ambassador in Tripoli, Karim Haddad, recently told the channel that no Libyan party has asked Russia for a base.',
        ),
      ),
      'no Libyan party',
    );
    expect(c.source).toMatchObject({ text: 'the Russian ambassador in Tripoli, Karim Haddad', actor: 'Karim Haddad' });
  });

  it('a source introduced as "an expert" and named later as "the expert, X" is X from the start', () => {
    const result = extract(
      article(
        'The pictures show a long pier, according to an expert quoted by the firm.',
        '“The pier looks naval,” said the expert, Omar Haddad of the Institute for Coastal Defense.',
      ),
    );
    expect(claimWith(result, 'long pier').source?.actor).toBe('Omar Haddad');
  });

  it('a source with a long appositive after the quote is still a source', () => {
    const c = claimWith(
      extract(
        article(
          '“The new pier looks just like the one at the naval base in Djibouti,” said the expert, Omar Haddad of the Foundation for the Defense of Coastal Democracies, a hawkish Washington security think tank.',
        ),
      ),
      'new pier',
    );
    expect(c.source?.actor).toBe('Omar Haddad');
  });
});

import { describe, expect, it } from 'vitest';
import { negationIn, stanceOf } from './negation';

describe('negationIn', () => {
  it.each([
    ['The garrison will not leave the island.', 'not'],
    ['The talks were not under discussion at the summit.', 'not'],
    ['The company said its licence had not been revoked.', 'not'],
    ['The navy has not yet moved the submarines.', 'not'],
    ['The ministry didn’t comment on the figures.', 'n’t'],
    ["The ministry didn't comment on the figures.", "n't"],
    ['Ankara won’t accept the terms, he said.', 'n’t'],
    ['The fleet can’t stay without fuel.', 'n’t'],
    ['The fleet cannot stay without fuel.', 'cannot'],
    ['The army has never used the airstrip.', 'never'],
    ['The base is no longer in use.', 'no longer'],
    ['The government has no intention of selling the port.', 'no intention'],
    ['The statements have no legitimate basis, the envoy said.', 'no legitimate'],
    ['There are no plans to reopen the consulate.', 'no plans'],
    ['Nobody told the crew about the change.', 'Nobody'],
    ['No one has informed us of any decision.', 'No one'],
    ['No-one has informed us of any decision.', 'No-one'],
    ['None of the ships has left.', 'None'],
    ['Nothing has changed at the harbour.', 'Nothing'],
    ['Neither side has signed the draft.', 'Neither'],
    ['The pact was signed by neither Cairo nor Rome.', 'neither'],
    ['It is impossible to end the lease unilaterally.', 'impossible'],
    ['The coast guard was unable to reach the vessel.', 'unable'],
    ['The ministry denied that troops had crossed the border.', 'denied'],
    ['The firm denies any wrongdoing.', 'denies'],
    ['Officials continue to deny the reports.', 'deny'],
    ['In a firm denial, the ministry said the base was operating.', 'denial'],
    ['The ministry rejected claims that the base had been handed over.', 'rejected'],
    ['The ministry rejected the media claims outright.', 'rejected'],
    ['The spokesman dismissed the reports as propaganda.', 'dismissed'],
    ['He dismisses such rumours out of hand.', 'dismisses'],
    ['The envoy refuted allegations of a secret deal.', 'refuted'],
    ['The reports are baseless, a spokesman said.', 'baseless'],
    ['The accusations were unfounded, the embassy said.', 'unfounded'],
    ['No, we are not leaving, the spokesman said.', 'No'],
    ['NATO WILL NOT EXPAND, MINISTER SAYS', 'NOT'],
  ])('%j → %j', (text, cue) => {
    const found = negationIn(text);
    expect(found?.cue).toBe(cue);
    expect(found && text.slice(found.start, found.end)).toBe(cue);
  });

  it.each([
    ['"without"', 'The ships left without warning.'],
    ['"not only … but also"', 'The deal covers not only the port but also the airfield.'],
    ['"not just … but"', 'It is not just a port but a symbol of influence.'],
    ['"not least"', 'The base matters, not least because of its runway.'],
    ['"not to mention"', 'The fleet is large, not to mention well armed.'],
    ['"whether or not"', 'The vote will be held whether or not the rebels agree.'],
    ['"if not"', 'Many, if not most, of the sailors have gone home.'],
    ['"no doubt"', 'There is no doubt the treaty is binding.'],
    ['"no matter"', 'The ships will sail no matter the weather.'],
    ['"no less than"', 'The convoy carried no less than 40 tonnes of fuel.'],
    ['"no more than"', 'The talks lasted no more than an hour.'],
    ['"no later than"', 'Troops must leave no later than March.'],
    ['"no stranger to"', 'The envoy is no stranger to the region.'],
    ['"none other than"', 'The order came from none other than the president.'],
    ['a hyphenated compound', 'The rebels asked for a no-fly zone.'],
    ['an abbreviation of number', 'The No. 2 official in the ministry resigned.'],
    ['a firing', 'The general dismissed the commander of the fleet.'],
    ['a rejected proposal', 'Parliament rejected the budget on Tuesday.'],
    ['words that contain a cue', 'Nordic observers noted a knot of denizens near the annex.'],
    ['a plain affirmation', 'The frigates returned to port on Monday.'],
  ])('ignores %s: %j', (_kind, text) => {
    expect(negationIn(text)).toBeNull();
  });

  it('reports the first cue, skipping an affirming idiom before it', () => {
    const text = 'Not only the port but also the base will stay, and Moscow will not leave.';
    expect(negationIn(text)).toEqual({ cue: 'not', start: 63, end: 66 });
  });

  it('reports a cue inside a subordinate "if" or "whether" clause', () => {
    expect(negationIn('Reporters asked whether the fleet would not return.')?.cue).toBe('not');
    expect(negationIn('The deal lapses if the parliament does not ratify it.')?.cue).toBe('not');
  });

  it('places a contraction’s cue on the "n’t" itself', () => {
    expect(negationIn('They haven’t left.')).toEqual({ cue: 'n’t', start: 9, end: 12 });
  });
});

describe('stanceOf', () => {
  it.each([
    ['Moscow is pulling back some of its aircraft.', 'affirms'],
    ['Moscow is not leaving its bases.', 'denies'],
    ['The port contract has no legal force, the lawyer said.', 'denies'],
    ['The operator denied reports that its contract was cancelled.', 'denies'],
    ['The deal covers not only the port but also the airfield.', 'affirms'],
    ['The ships left without warning.', 'affirms'],
    ['', 'affirms'],
  ] as const)('%j → %s', (text, stance) => {
    expect(stanceOf(text)).toBe(stance);
  });
});

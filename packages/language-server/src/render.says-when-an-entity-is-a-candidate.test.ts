import { describe, expect, it } from 'vitest';
import type { EntityFacts } from '@sitrep/vocabulary';
import { renderAllFacts, renderHover } from './render';

const CANDIDATE_LINE = '*Candidate: created by ingestion, not yet confirmed by a curator.*';

// A person an ingested article named, with markup in its name and description as an article could have.
const facts = (reviewStatus: EntityFacts['reviewStatus']): EntityFacts => ({
  id: 'QWN0b3I6OTk=',
  name: 'Ilse *Marrow* [x](command:y)',
  kind: 'ACTOR',
  reviewStatus,
  aliases: ['Ilse *Marrow* [x](command:y)', 'Marrow'],
  description: null,
  actorType: 'person',
  role: null,
  affiliation: null,
  claimStats: { claims: 0, sources: 0, latest: null },
  claims: { totalCount: 0, edges: [] },
  contested: { totalCount: 0, edges: [] },
  statements: { totalCount: 0, edges: [] },
});

describe('the hover on an entity under review', () => {
  it('says plainly, under the name, that a candidate is not yet confirmed', () => {
    const paragraphs = renderHover(facts('CANDIDATE'), 5).split('\n\n');
    expect(paragraphs[1]).toBe(CANDIDATE_LINE);
  });

  it('still escapes the candidate’s own name and names', () => {
    const md = renderHover(facts('CANDIDATE'), 5);
    expect(md.split('\n\n')[0]).toBe('**Ilse \\*Marrow\\* \\[x\\]\\(command&#58;y\\)** · person');
    expect(md).not.toMatch(/\]\(/);
    expect(md).not.toContain('command:');
  });

  it('says nothing of review for a confirmed entity', () => {
    const md = renderHover(facts('CONFIRMED'), 5);
    expect(md).not.toContain('Candidate');
    expect(md).not.toContain('curator');
  });

  it('says a rejected entity was rejected', () => {
    const md = renderHover(facts('REJECTED'), 5);
    expect(md.split('\n\n')[1]).toBe('*Rejected by a curator: not a real actor or installation.*');
    expect(md).not.toContain('Candidate');
  });

  it('keeps the candidate line in the all-facts view', () => {
    expect(renderAllFacts(facts('CANDIDATE')).split('\n\n').slice(0, 2)).toEqual([
      '# Ilse \\*Marrow\\* \\[x\\]\\(command&#58;y\\)',
      CANDIDATE_LINE,
    ]);
  });
});

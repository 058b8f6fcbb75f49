import { describe, expect, it } from 'vitest';
import type { ClaimFact } from '@sitrep/vocabulary';
import { claimLine, escapeMarkdown } from './render';

const claim = (quote: string, sourceText: string): ClaimFact => ({
  quote,
  stance: 'AFFIRMS',
  hedged: false,
  eventDate: null,
  saidOn: '2025-05-14',
  source: { text: sourceText, count: 1, anonymous: false, actor: null },
  start: 0,
  end: 10,
  article: { id: 'A1', title: 'Ships leave Tartous', publishedAt: '2025-05-14', outlet: 'Coastal Wire' },
});

/** What a reader sees: the entities and backslash escapes the hover uses, resolved. */
const shown = (md: string) =>
  md
    .replace(/\\(.)/g, '$1')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&lt;/g, '<')
    .replace(/&amp;/g, '&');

describe('quoted text in a hover cannot become a link or read backwards', () => {
  const line = claimLine(
    claim('Write to press@example.org or see reuters.com/report for the 3.5 km list.', 'desk@wire.example'),
  );

  // Was a bug: marked and markdown-it made "press@example.org" a mailto: link, markdown-it's linkify "reuters.com" a web link.
  it('leaves no e-mail address or domain a linkifier would find, yet reads the same', () => {
    expect(line).not.toContain('@');
    expect(line).not.toMatch(/[\p{L}\p{N}]\.[\p{L}\p{N}]/u);
    expect(shown(line)).toContain(
      'desk@wire.example: “Write to press@example.org or see reuters.com/report for the 3.5 km list.”',
    );
  });

  it('keeps full stops that end a sentence as they are', () => {
    expect(escapeMarkdown('The frigates had not moved. Nobody said why.')).toBe(
      'The frigates had not moved. Nobody said why.',
    );
  });

  // Was a bug: U+202E in a quote made the rest of it display right to left, so "tsinim" read "minist".
  it('drops bidi embeddings, overrides and isolates', () => {
    const bidi = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
    const escaped = escapeMarkdown(`the \u202Edeineb\u202C minister ${bidi}said`);
    expect(escaped).toBe('the deineb minister said');
    expect(claimLine(claim(`a \u202Equote\u2069`, `an \u2067aide`))).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });
});

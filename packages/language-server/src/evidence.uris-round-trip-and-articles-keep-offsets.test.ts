import { describe, expect, it } from 'vitest';
import { articleDocument, evidenceUri, parseEvidenceUri } from './evidence';

describe('evidence documents', () => {
  it('name articles and entities by a sitrep:// URI that reads back to the same id, with nothing to re-encode', () => {
    const id = Buffer.from('Article:12').toString('base64');
    expect(evidenceUri('article', id)).toMatch(/^sitrep:\/\/article\/[A-Za-z0-9_-]+\/article\.md$/);
    // The label is for the editor's tab: a title, made safe; it does not change what is read.
    expect(evidenceUri('article', id, 'Ships leave Tartous / port')).toMatch(/\/Ships-leave-Tartous-port\.md$/);
    expect(parseEvidenceUri(evidenceUri('article', id, 'Ships leave Tartous'))).toEqual({ kind: 'article', id });
    expect(parseEvidenceUri(evidenceUri('article', id))).toEqual({ kind: 'article', id });
    expect(parseEvidenceUri(evidenceUri('entity', 'SW5zdGFsbGF0aW9uOjM='))).toEqual({
      kind: 'entity',
      id: 'SW5zdGFsbGF0aW9uOjM=',
    });
    expect(parseEvidenceUri('file:///notes/a.md')).toBeNull();
    expect(parseEvidenceUri('sitrep://claim/eA/x.md')).toBeNull();
    expect(parseEvidenceUri('sitrep://article/a%2Fb/x.md')).toBeNull();
  });

  it('put a header above the article text, and say where the text begins so quote offsets still hold', () => {
    const text = 'Ships left Tartous on Monday, officials said.';
    const document = articleDocument({
      id: 'A',
      title: 'Ships\nleave',
      outlet: 'Harbour Watch',
      publishedAt: '2025-02-04',
      url: null,
      text,
    });
    expect(document.text.startsWith('# Ships leave\n\nHarbour Watch · 2025-02-04\n\n---\n\n')).toBe(true);
    const start = text.indexOf('Tartous');
    expect(document.text.slice(document.bodyOffset + start, document.bodyOffset + start + 7)).toBe('Tartous');
  });
});

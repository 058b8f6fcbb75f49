import type { FactsCache } from './facts';
import { type Endpoint, graphql } from './graphql-client';
import { renderAllFacts } from './render';

/**
 * Read-only documents the language server serves, for going from a name or a claim to its
 * evidence: `sitrep:/article/<id>.md` (an article's text under a short header) and
 * `sitrep:/entity/<id>.md` (everything known about an entity). LSP has no request for a
 * document's content, so clients ask with `sitrep/evidence` (protocol.ts).
 */
export const EVIDENCE_SCHEME = 'sitrep';
export type EvidenceKind = 'article' | 'entity';

export interface EvidenceDocument {
  text: string;
  /** Where the article's own text begins: a claim's offsets are counted from here. */
  bodyOffset: number;
}

export interface ArticleFields {
  id: string;
  title: string;
  outlet: string | null;
  publishedAt: string;
  url: string | null;
  text: string;
}

export const ARTICLE_FIELDS = 'id title outlet publishedAt url text';
const ARTICLE_QUERY = `query SitrepEvidence($id: ID!) { node(id: $id) { ... on Article { ${ARTICLE_FIELDS} } } }`;

export const evidenceUri = (kind: EvidenceKind, id: string) =>
  `${EVIDENCE_SCHEME}:/${kind}/${encodeURIComponent(id)}.md`;

export function parseEvidenceUri(uri: string): { kind: EvidenceKind; id: string } | null {
  const match = /^sitrep:\/(article|entity)\/([^/]+)\.md$/.exec(uri);
  if (!match) return null;
  try {
    return { kind: match[1] as EvidenceKind, id: decodeURIComponent(match[2]!) };
  } catch {
    return null;
  }
}

/** An article as a document: title, then outlet, date and address, then its text as stored. */
export function articleDocument(article: ArticleFields): EvidenceDocument {
  const byline = [article.outlet, article.publishedAt, article.url].filter(Boolean).join(' · ');
  const header = `# ${article.title.replace(/\s+/g, ' ')}\n\n${byline}\n\n---\n\n`;
  return { text: header + article.text, bodyOffset: header.length };
}

/** The documents served, kept a while by URI (articles do not change; entity pages are rebuilt from the facts cache). */
export class EvidenceStore {
  private readonly articles = new Map<string, EvidenceDocument>();

  constructor(
    private readonly endpoint: () => Endpoint,
    private readonly facts: FactsCache,
    private readonly keep = 64,
  ) {}

  /** Remembers an article already fetched with its text (references fetch many at once). */
  remember(article: ArticleFields): EvidenceDocument {
    const uri = evidenceUri('article', article.id);
    const document = this.articles.get(uri) ?? articleDocument(article);
    this.articles.delete(uri);
    this.articles.set(uri, document);
    if (this.articles.size > this.keep) this.articles.delete(this.articles.keys().next().value!);
    return document;
  }

  async get(uri: string): Promise<EvidenceDocument | null> {
    const parsed = parseEvidenceUri(uri);
    if (!parsed) return null;
    if (parsed.kind === 'entity') {
      const facts = await this.facts.get(parsed.id, 100);
      return facts ? { text: renderAllFacts(facts), bodyOffset: 0 } : null;
    }
    const kept = this.articles.get(uri);
    if (kept) return kept;
    const { node } = await graphql<{ node: ArticleFields | null }>(this.endpoint(), ARTICLE_QUERY, { id: parsed.id });
    return node && 'text' in node ? this.remember(node) : null;
  }
}

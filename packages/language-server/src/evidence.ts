import type { FactsCache } from './facts';
import { type Endpoint, graphql } from './graphql-client';
import { renderAllFacts } from './render';

/**
 * Read-only documents the language server serves, for going from a name or a claim to its
 * evidence: `sitrep://article/<key>.md` (an article's text under a short header) and
 * `sitrep://entity/<key>.md` (everything known about an entity). LSP has no request for a
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

/**
 * `sitrep://article/<key>/<label>.md`: the host names the kind, the key is the ID in base64url,
 * which every editor keeps as it is (a Relay ID's `/`, `+` and `=` would be re-encoded, or read as
 * path separators), and the label, read by no one, is what an editor's tab shows: a title or a
 * name. `scheme://` rather than `scheme:/`: Vim takes only that form for a URL, not a path.
 */
export function evidenceUri(kind: EvidenceKind, id: string, label: string = kind): string {
  const tab =
    label
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || kind;
  return `${EVIDENCE_SCHEME}://${kind}/${Buffer.from(id, 'utf8').toString('base64url')}/${tab}.md`;
}

export function parseEvidenceUri(uri: string): { kind: EvidenceKind; id: string } | null {
  const match = /^sitrep:\/\/(article|entity)\/([A-Za-z0-9_-]+)\/[^/]+\.md$/.exec(uri);
  return match ? { kind: match[1] as EvidenceKind, id: Buffer.from(match[2]!, 'base64url').toString('utf8') } : null;
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
    const uri = evidenceUri('article', article.id, article.title);
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

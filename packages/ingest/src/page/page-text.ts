import { Readability } from '@mozilla/readability';
import { ELEMENT_NODE, type PageDocument, type PageElement, type PageNode, TEXT_NODE } from './page-dom';

/** The fewest characters of article text a page must give; less is a menu, an error page or a teaser. */
export const MIN_PAGE_ARTICLE_CHARS = 200;

/** Elements whose words are never the article's: captions, asides, furniture, embedded code. */
const SKIPPED = new Set([
  'figure',
  'figcaption',
  'aside',
  'nav',
  'footer',
  'form',
  'button',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'svg',
  'select',
  'table',
]);

/** Elements that end a paragraph. */
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'hr',
]);

/** Classes and ids of furniture Readability may keep (it also drops the classes, so they are read before it). */
const FURNITURE =
  /(?:^|[\s_-])(?:cookie|consent|gdpr|newsletter|subscribe|signup|related|read-?more|share|social|promo|advert|ad-slot|caption|credit|byline|author)(?:$|[\s_-])/i;

/** A paragraph that only points elsewhere: "Read more: …", "Related: …", "Advertisement". */
const POINTER =
  /^(?:read more|related(?: stories| articles)?|see also|more on this|advertisement|sign up|subscribe)\b/i;

/** A byline line: "By Ana Example", "By Ana Example and Bo Writer in Tartus", no sentence. */
const BYLINE = /^[Bb]y\s+\p{Lu}[^.!?]*$/u;

export interface PageText {
  /** The article's paragraphs, separated by blank lines. */
  text: string;
  /** The title Readability read (the page's metadata usually says better). */
  title: string | null;
}

/**
 * The article's main text, read by Readability (which changes `document`: read the metadata
 * first), as plain paragraphs: captions, asides and furniture left out, the headline too.
 * Null when the page has no article of at least MIN_PAGE_ARTICLE_CHARS.
 */
export function readPageText(document: PageDocument, headline: string | null): PageText | null {
  dropFurniture(document);
  // The serializer hands back Readability's own element instead of its HTML: no second parse.
  const article = new Readability<PageNode>(document as unknown as ConstructorParameters<typeof Readability>[0], {
    serializer: (node) => node as unknown as PageNode,
    // The metadata is read before (readPageMetadata); and a JSON-LD author keeps Readability from taking the byline out.
    disableJSONLD: true,
  }).parse();
  if (!article?.content) return null;
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const paragraph = current.replace(/\s+/g, ' ').trim();
    current = '';
    if (paragraph && !(paragraph.length < 100 && (POINTER.test(paragraph) || BYLINE.test(paragraph)))) {
      paragraphs.push(paragraph);
    }
  };
  const walk = (node: PageNode) => {
    if (node.nodeType === TEXT_NODE) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = node.nodeName.toLowerCase();
    if (SKIPPED.has(tag)) return;
    if (node.getAttribute?.('hidden') != null) return;
    if (tag === 'br') {
      current += ' ';
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!);
    if (block) flush();
  };
  walk(article.content);
  flush();
  const title = article.title?.trim() || null;
  const heads = new Set([headline, title].filter((t): t is string => !!t).map(fold));
  while (paragraphs.length > 0 && heads.has(fold(paragraphs[0]!))) paragraphs.shift();
  const text = paragraphs.join('\n\n');
  return text.length >= MIN_PAGE_ARTICLE_CHARS ? { text: `${text}\n`, title } : null;
}

/** Takes out, before Readability, what the page marks as furniture by class or id. */
function dropFurniture(document: PageDocument): void {
  const marked = document.querySelectorAll('[class], [id]');
  const furniture: PageElement[] = [];
  for (let i = 0; i < marked.length; i++) {
    const element = marked[i]!;
    if (CONTAINERS.has(element.nodeName.toLowerCase())) continue;
    if (FURNITURE.test(`${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`))
      furniture.push(element);
  }
  for (const element of furniture) element.remove();
}

/** Never furniture, whatever their class says. */
const CONTAINERS = new Set(['html', 'body', 'main', 'article']);

function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

import { type AnyFeed, parseFeed } from 'feedsmith';
import { SitrepError } from '@sitrep/vocabulary';
import { dayOf } from '../page/page-metadata';

/** One item of a feed, whatever its format. Every field is null where the feed does not say. */
export interface FeedItem {
  /** Its link, resolved against the feed's own URL; as written when it cannot be. */
  link: string | null;
  title: string | null;
  /** YYYY-MM-DD, the day the item says it was published. */
  date: string | null;
  author: string | null;
  /** Its own content as HTML (RSS content:encoded, Atom content, JSON Feed content_html or _text): never a summary. */
  content: string | null;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  /** The feed's title, which often names the outlet. */
  title: string | null;
  items: FeedItem[];
}

/**
 * RSS (0.9x, 2.0, RDF), Atom and JSON Feed, read by feedsmith, as items. `base` (the feed's URL,
 * after redirects) resolves relative links. Text that is no feed is refused saying what it is.
 */
export function parseFeedText(text: string, base: string | null): ParsedFeed {
  let parsed: Parsed;
  try {
    parsed = parseFeed(text);
  } catch {
    throw new SitrepError('BAD_USER_INPUT', `not a feed: ${whatItIs(text)}`);
  }
  const link = (href: string | null | undefined) => resolved(clean(href), base);
  switch (parsed.format) {
    case 'rss':
      return { format: 'rss', title: clean(parsed.feed.title), items: (parsed.feed.items ?? []).map(rssItem(link)) };
    case 'rdf':
      return { format: 'rdf', title: clean(parsed.feed.title), items: (parsed.feed.items ?? []).map(rdfItem(link)) };
    case 'atom':
      return {
        format: 'atom',
        title: clean(parsed.feed.title?.value),
        items: (parsed.feed.entries ?? []).map(atomEntry(link)),
      };
    case 'json':
      return { format: 'json', title: clean(parsed.feed.title), items: (parsed.feed.items ?? []).map(jsonItem(link)) };
  }
}

type Link = (href: string | null | undefined) => string | null;

// The items as parseFeed types them (its namespaces' Item types differ from them in details).
type Parsed = AnyFeed<string>;
type FeedOf<F extends Parsed['format']> = Extract<Parsed, { format: F }>['feed'];
type RssItem = NonNullable<FeedOf<'rss'>['items']>[number];
type RdfItem = NonNullable<FeedOf<'rdf'>['items']>[number];
type AtomEntry = NonNullable<FeedOf<'atom'>['entries']>[number];
type JsonItem = NonNullable<FeedOf<'json'>['items']>[number];

const rssItem =
  (link: Link) =>
  (item: RssItem): FeedItem => ({
    link: link(item.link ?? (item.guid?.isPermaLink !== false ? item.guid?.value : null)),
    title: clean(item.title),
    date: dayOf(clean(item.pubDate ?? item.dc?.dates?.[0])),
    author: clean(item.dc?.creators?.join(', ') ?? item.authors?.map((a) => a.name ?? a.email).join(', ')),
    content: clean(item.content?.encoded),
  });

const rdfItem =
  (link: Link) =>
  (item: RdfItem): FeedItem => ({
    link: link(item.link),
    title: clean(item.title),
    date: dayOf(clean(item.dc?.dates?.[0])),
    author: clean(item.dc?.creators?.join(', ')),
    content: clean(item.content?.encoded),
  });

const atomEntry =
  (link: Link) =>
  (entry: AtomEntry): FeedItem => {
    const page = entry.links?.find((l) => !l.rel || l.rel === 'alternate') ?? null;
    return {
      link: link(page?.href),
      title: clean(entry.title?.value),
      date: dayOf(clean(entry.published ?? entry.updated)),
      author: clean(entry.authors?.map((a) => a.name).join(', ')),
      // Content with a src is elsewhere: not the item's own.
      content: entry.content?.src ? null : asHtml(entry.content?.value, entry.content?.type),
    };
  };

const jsonItem =
  (link: Link) =>
  (item: JsonItem): FeedItem => ({
    link: link(item.url ?? item.external_url),
    title: clean(item.title),
    date: dayOf(clean(item.date_published)),
    author: clean(item.authors?.map((a) => a.name).join(', ')),
    content: clean(item.content_html) ?? asHtml(item.content_text, 'text'),
  });

/** Atom's `text` (the default) and JSON Feed's content_text are plain text: paragraphs at blank lines. */
function asHtml(value: string | undefined, type: string | undefined): string | null {
  const content = clean(value);
  if (content === null || type === 'html' || type === 'xhtml' || type?.includes('html')) return content;
  return content
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${paragraph.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('\n');
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** `href` made absolute against the feed's URL where it can be; as written otherwise (its fetch says why). */
function resolved(href: string | null, base: string | null): string | null {
  if (href === null) return null;
  try {
    return new URL(href, base ?? undefined).href;
  } catch {
    return href;
  }
}

/** What a text that is no feed looks like, for the refusal. */
function whatItIs(text: string): string {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (/^<(?:!doctype\s+html|html)\b/i.test(start)) {
    return 'it is an HTML page, not RSS, Atom or JSON Feed (give the address of its feed, or ingest the page itself)';
  }
  if (start.startsWith('<')) {
    const root = /^(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<([\w:.-]+)/i.exec(start)?.[1];
    return root && !/^(rss|feed|rdf:RDF)$/i.test(root)
      ? `its root element is <${root}>, not <rss>, <feed> or <rdf:RDF>`
      : 'it is not well-formed RSS, Atom or RDF XML';
  }
  if (start.startsWith('{')) return 'it is JSON but not a JSON Feed (no "version" and "items")';
  return `it is neither XML nor JSON (it begins “${start.slice(0, 40).replace(/\s+/g, ' ')}”)`;
}

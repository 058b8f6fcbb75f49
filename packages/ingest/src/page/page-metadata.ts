import type { PageDocument } from './page-dom';

/** What a page says about itself. Every field is null where the page does not say. */
export interface PageMetadata {
  title: string | null;
  /** YYYY-MM-DD, the day as the page writes it (not shifted to UTC). */
  date: string | null;
  outlet: string | null;
  url: string | null;
  author: string | null;
}

const NONE: PageMetadata = { title: null, date: null, outlet: null, url: null, author: null };

/** The schema.org types of a news article whose JSON-LD we read. */
const ARTICLE_TYPES = new Set(['NewsArticle', 'Article', 'ReportageNewsArticle']);

/**
 * A page's metadata: its schema.org article JSON-LD first, then its meta tags (OpenGraph,
 * `article:published_time`, `<link rel=canonical>`, `<title>`), field by field.
 */
export function readPageMetadata(document: PageDocument): PageMetadata {
  return preferFirst(jsonLdMetadata(document), metaTagMetadata(document));
}

/** Field by field, the first source that says. */
export function preferFirst(...sources: PageMetadata[]): PageMetadata {
  const merged: PageMetadata = { ...NONE };
  for (const key of Object.keys(NONE) as Array<keyof PageMetadata>) {
    merged[key] = sources.find((source) => source[key] != null)?.[key] ?? null;
  }
  return merged;
}

/** The first schema.org NewsArticle, Article or ReportageNewsArticle in the page's JSON-LD. */
export function jsonLdMetadata(document: PageDocument): PageMetadata {
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    let data: unknown;
    try {
      data = JSON.parse(scripts[i]!.textContent ?? '');
    } catch {
      continue; // A page's broken JSON-LD is as good as none; its meta tags may still say.
    }
    const article = findArticle(data);
    if (article) {
      return {
        title: text(article.headline) ?? text(article.name),
        date: dayOf(text(article.datePublished)),
        outlet: names(article.publisher),
        url: text(article.url) ?? urlOf(article.mainEntityOfPage),
        author: names(article.author),
      };
    }
  }
  return { ...NONE };
}

/** OpenGraph and `article:` meta tags, the canonical link and the `<title>`. */
export function metaTagMetadata(document: PageDocument): PageMetadata {
  const meta = (name: string) =>
    clean(
      document.querySelector(`meta[property="${name}"]`)?.getAttribute('content') ??
        document.querySelector(`meta[name="${name}"]`)?.getAttribute('content'),
    );
  return {
    title: meta('og:title') ?? clean(document.querySelector('title')?.textContent),
    date: dayOf(meta('article:published_time')),
    outlet: meta('og:site_name'),
    url: meta('og:url') ?? clean(document.querySelector('link[rel="canonical"]')?.getAttribute('href')),
    author: meta('article:author') ?? meta('author'),
  };
}

type Json = Record<string, unknown>;

function findArticle(data: unknown): Json | null {
  if (Array.isArray(data)) {
    for (const item of data) {
      const found = findArticle(item);
      if (found) return found;
    }
    return null;
  }
  if (data == null || typeof data !== 'object') return null;
  const node = data as Json;
  const types = Array.isArray(node['@type']) ? node['@type'] : [node['@type']];
  if (types.some((type) => typeof type === 'string' && ARTICLE_TYPES.has(type))) return node;
  return findArticle(node['@graph']);
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? clean(value) : null;
}

/** A person's or organisation's name, or several joined: `"X"`, `{name}`, or a list of them. */
function names(value: unknown): string | null {
  const list = (Array.isArray(value) ? value : [value])
    .map((item) =>
      typeof item === 'string' ? clean(item) : item && typeof item === 'object' ? text((item as Json).name) : null,
    )
    .filter((name): name is string => name !== null);
  return list.length > 0 ? list.join(', ') : null;
}

function urlOf(value: unknown): string | null {
  if (typeof value === 'string') return clean(value);
  if (value && typeof value === 'object') return text((value as Json)['@id']) ?? text((value as Json).url);
  return null;
}

/**
 * The day a timestamp names, as written: `2025-02-03T23:30:00+03:00` is 3 February, the
 * publisher's day. Other forms Date can read are taken in UTC; anything else is no date.
 */
export function dayOf(value: string | null): string | null {
  if (!value) return null;
  const written = /^(\d{4}-\d{2}-\d{2})(?:$|[T\s])/.exec(value);
  if (written) return written[1]!;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}

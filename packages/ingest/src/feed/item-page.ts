import { parsePage } from '../page/page-dom';

/**
 * An item's own content as a page for readPage: nothing but the content, so that every metadata
 * field falls back to what the item says (readPage's fallback) and its text is read as a page's.
 */
export function itemPage(content: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><article>${content}</article></body></html>`;
}

/** Characters of text in an item's HTML content, spaces folded. */
export function contentChars(content: string): number {
  const body = parsePage(itemPage(content)).querySelector('body');
  return (body?.textContent ?? '').replace(/\s+/g, ' ').trim().length;
}

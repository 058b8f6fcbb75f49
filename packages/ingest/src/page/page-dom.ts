import { parseHTML } from 'linkedom';

/**
 * The few DOM members the page reader uses. linkedom's documents have them; naming them here keeps
 * the reader typed without the browser's DOM library in a Node package.
 */
export interface PageNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<PageNode>;
  getAttribute?(name: string): string | null;
}

export interface PageElement extends PageNode {
  getAttribute(name: string): string | null;
  remove(): void;
}

export interface PageDocument {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}

export const TEXT_NODE = 3;
export const ELEMENT_NODE = 1;

/** Parses a page (never running its scripts nor loading anything it links to). */
export function parsePage(html: string): PageDocument {
  return parseHTML(html).document as unknown as PageDocument;
}

import { demoEntities } from '@sitrep/demo-data';
import { type Extraction, KnowledgeBase, extractArticle, subtypeOfStoredType } from '@sitrep/extract';
import type { CorpusArticle } from './gold';

/**
 * The two ways extraction runs: on general knowledge alone (a fresh install; the honest measure of
 * how the rules generalise), and with a knowledge base's names (here the demo's, as `pnpm start` seeds it).
 */
export const MODES = ['general', 'demo'] as const;
export type Mode = (typeof MODES)[number];

export const MODE_TITLES: Record<Mode, string> = {
  general: 'general knowledge only',
  demo: 'with the demo knowledge base',
};

let demoKnowledge: KnowledgeBase | undefined;

/** The demo data's entities as a knowledge base, built once. */
export function demoKnowledgeBase(): KnowledgeBase {
  demoKnowledge ??= new KnowledgeBase(
    demoEntities.map((e) => ({
      id: e.key,
      name: e.name,
      type: e.kind,
      subtype: subtypeOfStoredType(e.kind === 'actor' ? e.actorType : e.installationType),
      aliases: e.aliases,
    })),
  );
  return demoKnowledge;
}

export function extractIn(mode: Mode, { file, text, title }: CorpusArticle): Extraction {
  try {
    return extractArticle(text, { title, ...(mode === 'demo' ? { knowledge: demoKnowledgeBase() } : {}) });
  } catch (error) {
    throw new Error(`extractArticle failed on ${file}: ${(error as Error).message}`, { cause: error });
  }
}

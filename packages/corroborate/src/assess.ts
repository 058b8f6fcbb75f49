import type { Statement, StatementContradiction } from './grouper';

/**
 * What an analyst asks of a statement: contested (another statement contradicts it), established
 * (independent stories from more than one source say it), repeated (several articles, but one
 * story or one source), or single (one article).
 */
export type Standing = 'contested' | 'established' | 'repeated' | 'single';

export function standingOf(statement: Statement, contradictions: readonly StatementContradiction[]): Standing {
  if (contradictions.some((c) => c.statements.includes(statement.id))) return 'contested';
  if (statement.articles < 2) return 'single';
  // Sources told apart by the entity they belong to where known, else by their words; the outlet's
  // own narrative is a source of its own for each story.
  const sources = new Set(
    statement.claims.map((c) =>
      c.source === null
        ? `story ${c.storyId ?? c.articleId}`
        : (c.source.actor ?? c.source.text.toLowerCase().replace(/\s+/g, ' ')),
    ),
  );
  return statement.stories >= 2 && sources.size >= 2 ? 'established' : 'repeated';
}

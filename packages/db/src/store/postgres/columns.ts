import { getTableColumns } from 'drizzle-orm';
import { articles, claims, entities } from '../../pg/schema';

/*
 * The columns a row has on SQLite: PostgreSQL's tables also hold a generated search vector, which
 * no read returns (it is the search index, not data).
 */
const { searchVector: _claimWords, ...claimColumns } = getTableColumns(claims);
const { searchVector: _articleWords, ...articleColumns } = getTableColumns(articles);
const { text: _text, ...articleHeadColumns } = articleColumns;

/** An entity's head (EntityHead): what lists of claims show of their subjects and sources. */
const entityHeadColumns = { id: entities.id, kind: entities.kind, name: entities.name };

export { articleColumns, articleHeadColumns, claimColumns, entityHeadColumns };

import { getTableColumns } from 'drizzle-orm';
import { articles, claims } from '../../pg/schema';

/*
 * The columns a row has on SQLite: PostgreSQL's tables also hold a generated search vector, which
 * no read returns (it is the search index, not data).
 */
const { searchVector: _claimWords, ...claimColumns } = getTableColumns(claims);
const { searchVector: _articleWords, ...articleColumns } = getTableColumns(articles);
const { text: _text, ...articleHeadColumns } = articleColumns;

export { articleColumns, articleHeadColumns, claimColumns };

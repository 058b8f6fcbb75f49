import {
  type ClaimFilter,
  type ClaimRow,
  type Page,
  type SitrepDatabase,
  claims,
  countClaims as countClaimsByAnyFilter,
  listClaims as listClaimsByAnyFilter,
} from '@sitrep/db';
import { rowReader } from './statements';

/**
 * The claim lists and counts every hover and claim page reads, as statements prepared once per
 * connection: the db package's listClaims and countClaims build a drizzle query and have SQLite
 * prepare it on every call, which costs about as much again as running it. Same rows, same order
 * (readers.return-what-the-db-returns.test.ts compares). Once @sitrep/db prepares these two
 * itself, as it does its by-id reads, this file can go.
 */
function prepare(db: SitrepDatabase) {
  const latest = (where: string) => (c: (alias: string) => string) =>
    `select ${c('c')} from claims c ${where} order by c.said_on desc, c.id desc limit ? offset ?`;
  return {
    // Read in claim_about's (entity, said_on, claim) index order: only the page, never a sort.
    about: rowReader<ClaimRow>(
      db,
      claims,
      (c) => `select ${c('c')} from claim_about ca join claims c on c.id = ca.claim_id
        where ca.entity_id = ? order by ca.said_on desc, ca.claim_id desc limit ? offset ?`,
    ),
    all: rowReader<ClaimRow>(db, claims, latest('')),
    from: rowReader<ClaimRow>(db, claims, latest('where c.said_on >= ?')),
    to: rowReader<ClaimRow>(db, claims, latest('where c.said_on <= ?')),
    between: rowReader<ClaimRow>(db, claims, latest('where c.said_on >= ? and c.said_on <= ?')),
    // countClaims keeps the count of claims about an entity in entity_claim_stats.
    countAbout: db.sqlite
      .prepare<[number], number>('select claims from entity_claim_stats where entity_id = ?')
      .pluck(),
  };
}

type Readers = ReturnType<typeof prepare>;
const byConnection = new WeakMap<object, Readers>();

function readers(db: SitrepDatabase): Readers {
  let r = byConnection.get(db.sqlite);
  if (!r) byConnection.set(db.sqlite, (r = prepare(db)));
  return r;
}

/**
 * As @sitrep/db's listClaims, latest first. The filters the API's lists use most (about one
 * entity; a date range) run prepared; any other filter goes to the db package's query builder.
 */
export function listClaims(db: SitrepDatabase, filter: ClaimFilter, page: Page): ClaimRow[] {
  const { about, from, to, ...rest } = filter;
  if (Object.values(rest).some((value) => value != null)) return listClaimsByAnyFilter(db, filter, page);
  const r = readers(db);
  const { limit, offset } = page;
  // The db package skips empty dates (`if (filter.from)`); so does this.
  if (about != null) {
    return from || to ? listClaimsByAnyFilter(db, filter, page) : r.about.all(about, limit, offset);
  }
  if (from && to) return r.between.all(from, to, limit, offset);
  if (from) return r.from.all(from, limit, offset);
  if (to) return r.to.all(to, limit, offset);
  return r.all.all(limit, offset);
}

/** As @sitrep/db's countClaims; the count of all claims about one entity runs prepared. */
export function countClaims(db: SitrepDatabase, filter: ClaimFilter): number {
  const { about, ...rest } = filter;
  if (about == null || Object.values(rest).some((value) => value != null)) return countClaimsByAnyFilter(db, filter);
  return readers(db).countAbout.get(about) ?? 0;
}

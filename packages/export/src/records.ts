import type { ArticleExportRow, ClaimExportRow, EntityExportRow, ExportReads, StatementExportRow } from '@sitrep/db';
import type { EntityLocation } from '@sitrep/vocabulary';

/** What is exported, as the JSON Lines records say it: one object per line, `type` first. */
export interface EntityRecord {
  type: 'entity';
  id: number;
  kind: string;
  name: string;
  aliases: string[];
  description: string | null;
  actorType: string | null;
  role: string | null;
  affiliation: string | null;
  installationType: string | null;
  location: EntityLocation | null;
  operator: string | null;
  hostCountry: string | null;
  reviewStatus: string;
}

export interface ArticleRecord {
  type: 'article';
  id: number;
  title: string;
  publishedAt: string;
  dateline: string | null;
  outlet: string | null;
  url: string | null;
  author: string | null;
  wordCount: number;
  copyOf: number | null;
  text?: string;
}

export interface ClaimRecord {
  type: 'claim';
  id: number;
  articleId: number;
  quote: string;
  /** Character offsets of the quote in its article's stored text: [start, end). */
  span: [number, number];
  stance: string;
  hedged: boolean;
  eventDate: string | null;
  saidOn: string;
  source: {
    text: string | null;
    actorId: number | null;
    actor: string | null;
    count: number | null;
    anonymous: boolean;
  } | null;
  about: Array<{ entityId: number; name: string; role: string }>;
  statementId: number | null;
  reviewStatus: string;
}

export interface StatementRecord {
  type: 'statement';
  id: number;
  /** The Admiralty grade as analysts write it: reliability letter and credibility digit, e.g. "B2". */
  grade: string;
  credibility: number;
  credibilityReason: string;
  reliability: string;
  firstSaid: string;
  lastSaid: string;
  eventDate: string | null;
  claims: number;
  independentSources: number;
  affirming: number;
  denying: number;
  contested: boolean;
  curated: boolean;
  about: Array<{ entityId: number; name: string }>;
  conflicts: Array<{ statementId: number; why: string }>;
}

export type ExportRecord = EntityRecord | ArticleRecord | ClaimRecord | StatementRecord;
export type RecordType = ExportRecord['type'];
/** The order records are written in: what a record refers to comes before it. */
export const RECORD_TYPES: readonly RecordType[] = ['entity', 'article', 'claim', 'statement'];

export interface ExportOptions {
  /** Include each article's text (default: no; articles are often not the user's to republish). */
  withText?: boolean;
}

const parsed = <T>(json: string): T => JSON.parse(json) as T;

export function entityRecord(e: EntityExportRow): EntityRecord {
  return {
    type: 'entity',
    id: e.id,
    kind: e.kind,
    name: e.name,
    aliases: parsed<string[]>(e.aliases),
    description: e.description,
    actorType: e.actorType,
    role: e.role,
    affiliation: e.affiliation,
    installationType: e.installationType,
    location:
      e.kind === 'installation'
        ? { place: e.place, region: e.region, country: e.country, latitude: e.latitude, longitude: e.longitude }
        : null,
    operator: e.operator,
    hostCountry: e.hostCountry,
    reviewStatus: e.reviewStatus,
  };
}

export function articleRecord(a: ArticleExportRow): ArticleRecord {
  // The stored time and the id lists serve formats that link (STIX); a notebook has them by articleId.
  const { text, createdAt: _createdAt, changedAt: _changedAt, claimIds: _claimIds, entityIds: _entityIds, ...rest } = a;
  return { type: 'article', ...rest, ...(text == null ? {} : { text }) };
}

export function claimRecord(c: ClaimExportRow): ClaimRecord {
  return {
    type: 'claim',
    id: c.id,
    articleId: c.articleId,
    quote: c.quote,
    span: [c.start, c.end],
    stance: c.stance,
    hedged: c.hedged === 1,
    eventDate: c.eventDate,
    saidOn: c.saidOn,
    source:
      c.sourceText == null && c.sourceActorId == null
        ? null
        : {
            text: c.sourceText,
            actorId: c.sourceActorId,
            actor: c.sourceActor,
            count: c.sourceCount,
            anonymous: c.sourceAnonymous === 1,
          },
    about: parsed<ClaimRecord['about']>(c.about),
    statementId: c.statementId,
    reviewStatus: c.reviewStatus,
  };
}

export function statementRecord(s: StatementExportRow): StatementRecord {
  return {
    type: 'statement',
    id: s.id,
    grade: `${s.reliability}${s.credibility}`,
    credibility: s.credibility,
    credibilityReason: s.credibilityReason,
    reliability: s.reliability,
    firstSaid: s.firstSaid,
    lastSaid: s.lastSaid,
    eventDate: s.eventDate,
    claims: s.claims,
    independentSources: s.independentSources,
    affirming: s.affirming,
    denying: s.denying,
    contested: s.contested === 1,
    curated: s.curated === 1,
    about: parsed<StatementRecord['about']>(s.about),
    conflicts: parsed<StatementRecord['conflicts']>(s.conflicts),
  };
}

/** Every record of one type, in id order, read one row at a time. */
export async function* recordsOf(
  reads: ExportReads,
  type: RecordType,
  options: ExportOptions = {},
): AsyncGenerator<ExportRecord> {
  switch (type) {
    case 'entity':
      for await (const row of reads.entities()) yield entityRecord(row);
      return;
    case 'article':
      for await (const row of reads.articles(options.withText ?? false)) yield articleRecord(row);
      return;
    case 'claim':
      for await (const row of reads.claims()) yield claimRecord(row);
      return;
    case 'statement':
      for await (const row of reads.statements()) yield statementRecord(row);
      return;
  }
}

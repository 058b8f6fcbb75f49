import { type EntityRow, type IngestTarget, type IngestWrites, writesOf } from '@sitrep/db';
import { groupUngroupedClaims } from '@sitrep/ingest';
import { demoEntities } from './entities';
import { findNames } from './find-names';
import { demoReports } from './reports';
import type { DemoEntity } from './types';

export interface SeedSummary {
  entities: number;
  articles: number;
  claims: number;
  mentions: number;
}

function lookup(ids: Map<string, number>, key: string | undefined, context: string): number | null {
  if (key === undefined) return null;
  const id = ids.get(key);
  if (id === undefined) throw new Error(`demo data: ${context} refers to unknown entity key “${key}”`);
  return id;
}

function createDemoEntity(w: IngestWrites, entity: DemoEntity): EntityRow {
  return w.createEntity(
    {
      kind: entity.kind,
      name: entity.name,
      description: entity.description,
      actorType: entity.actorType ?? null,
      role: entity.role ?? null,
      installationType: entity.installationType ?? null,
      place: entity.place ?? null,
      region: entity.region ?? null,
      country: entity.country ?? null,
      latitude: entity.latitude ?? null,
      longitude: entity.longitude ?? null,
    },
    entity.aliases,
  );
}

/** Loads the demo knowledge base (our own reports and curated facts) in one transaction, on either back end. */
export function seedDemo(target: IngestTarget): SeedSummary {
  const w = writesOf(target);
  return w.transaction(() => {
    const ids = new Map<string, number>();
    // Entities first, their links to each other second: links may point forwards.
    for (const entity of demoEntities) ids.set(entity.key, createDemoEntity(w, entity).id);
    for (const entity of demoEntities) {
      w.setEntityLinks(ids.get(entity.key)!, {
        affiliationId: lookup(ids, entity.affiliation, entity.key),
        operatorId: lookup(ids, entity.operator, entity.key),
        hostCountryId: lookup(ids, entity.hostCountry, entity.key),
      });
    }
    const names = demoEntities.flatMap((e) => [e.name, ...e.aliases].map((name) => ({ name, key: e.key })));
    let claims = 0;
    let mentions = 0;
    for (const report of demoReports) {
      const article = w.createArticle(report);
      const hits = findNames(report.text, names);
      w.createMentions(
        report.text,
        hits.map((hit) => ({ articleId: article.id, entityId: ids.get(hit.key)!, start: hit.start, end: hit.end })),
      );
      mentions += hits.length;
      w.createClaims(
        report.claims.map((claim) => ({
          articleId: article.id,
          quote: claim.quote,
          source: claim.source && {
            text: claim.source.text,
            actorId: lookup(ids, claim.source.actor ?? undefined, claim.quote),
            count: claim.source.count ?? null,
            anonymous: claim.source.anonymous,
          },
          about: claim.about.map((a) =>
            typeof a === 'string'
              ? { entityId: lookup(ids, a, claim.quote)!, role: 'subject' as const }
              : { entityId: lookup(ids, a.entity, claim.quote)!, role: a.role },
          ),
          stance: claim.stance,
          hedged: claim.hedged,
          eventDate: claim.eventDate ?? null,
          reviewStatus: claim.reviewStatus ?? 'verified',
        })),
      );
      claims += report.claims.length;
    }
    // The reports' claims, grouped into statements as ingesting them would have.
    groupUngroupedClaims(w);
    return { entities: demoEntities.length, articles: demoReports.length, claims, mentions };
  });
}

/** True when the database holds no entities and no articles: a first start. */
export const isEmpty = (target: IngestTarget): boolean => writesOf(target).isEmpty();

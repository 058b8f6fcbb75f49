import { normalizeName } from '@sitrep/db';
import { describe, expect, it } from 'vitest';
import { demoEntities } from './entities';
import { demoReports } from './reports';

const keys = new Set(demoEntities.map((e) => e.key));
const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe('demo data', () => {
  it('gives every name to one entity only', () => {
    const owners = new Map<string, string>();
    for (const entity of demoEntities) {
      for (const name of [entity.name, ...entity.aliases]) {
        const key = normalizeName(name);
        expect(owners.get(key) ?? entity.key, `${name} (${entity.key})`).toBe(entity.key);
        owners.set(key, entity.key);
      }
    }
  });

  it('refers only to entities it defines', () => {
    for (const entity of demoEntities) {
      for (const ref of [entity.affiliation, entity.operator, entity.hostCountry]) {
        if (ref !== undefined) expect(keys, entity.key).toContain(ref);
      }
    }
    for (const claim of demoReports.flatMap((r) => r.claims)) {
      for (const about of claim.about) expect(keys).toContain(typeof about === 'string' ? about : about.entity);
      if (claim.source?.actor) expect(keys).toContain(claim.source.actor);
    }
  });

  it('starts every report with its date and dateline, and quotes each claim once, verbatim', () => {
    for (const report of demoReports) {
      expect(report.text.startsWith(`date ${report.publishedAt} ${report.dateline}: `), report.title).toBe(true);
      for (const claim of report.claims) {
        expect(occurrences(report.text, claim.quote), claim.quote).toBe(1);
        if (claim.source) expect(report.text, claim.source.text).toContain(claim.source.text);
      }
    }
  });

  it('dates events on or before the report', () => {
    for (const report of demoReports) {
      for (const claim of report.claims) {
        if (claim.eventDate) expect(claim.eventDate <= report.publishedAt, claim.quote).toBe(true);
      }
    }
  });
});

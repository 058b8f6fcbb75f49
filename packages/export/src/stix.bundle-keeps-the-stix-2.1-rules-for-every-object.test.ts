import { Writable } from 'node:stream';
import { type SitrepDatabase, sqliteExportSource } from '@sitrep/db';
import { v4 as uuidv4 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { writeStixBundle } from './stix';
import { stixViolations } from './stix-rules';
import { demoDatabase, exportedBundle } from './stix.test-bundle';

const db = demoDatabase('sitrep-stix-');

const count = (d: SitrepDatabase, sql: string) => d.sqlite.prepare(sql).pluck().get() as number;

describe('the STIX 2.1 bundle of the demo data', () => {
  it('keeps every rule of the specification Sitrep checks, for every object', async () => {
    const bundle = await exportedBundle(db, { withText: true });
    expect(stixViolations(bundle)).toEqual([]);
    const typed = (type: string) => bundle.objects.filter((o) => o.type === type);
    // One object per row: Sitrep itself and the outlets are identities beside the actors.
    expect(typed('identity').length).toBe(
      1 +
        count(db, "select count(*) from entities where kind = 'actor'") +
        count(db, 'select count(distinct outlet) from articles'),
    );
    expect(typed('location').length).toBe(count(db, "select count(*) from entities where kind = 'installation'"));
    expect(typed('report').length).toBe(count(db, 'select count(*) from articles'));
    expect(typed('note').length).toBe(count(db, 'select count(*) from claims'));
    expect(typed('grouping').length).toBe(count(db, 'select count(*) from statements'));
  });

  it('catches what would break the rules, so a clean bundle means something', async () => {
    const bundle = await exportedBundle(db);
    const note = bundle.objects.find((o) => o.type === 'note')!;
    const location = bundle.objects.find((o) => o.type === 'location')!;
    const broken = {
      ...bundle,
      objects: bundle.objects.map((o) => {
        if (o === note)
          return {
            ...o,
            content: undefined,
            x_sitrep_statement_ref: 'grouping--not-a-uuid',
            x_sitrep_about: [{ ref: `identity--${uuidv4()}`, role: 'subject' }],
          };
        if (o === location) return { ...o, latitude: 95, lattitude: 1, country: 'Syria' };
        return o;
      }),
    };
    const problems = stixViolations(broken).join('\n');
    expect(problems).toContain(`${note.id}: content is required`);
    expect(problems).toContain(`${note.id}: x_sitrep_statement_ref: grouping--not-a-uuid is not type--UUID`);
    expect(problems).toMatch(new RegExp(`${note.id}: x_sitrep_about: identity--[0-9a-f-]+ is not in the bundle`));
    expect(problems).toContain(`${location.id}: latitude is out of range`);
    expect(problems).toContain(`${location.id}: lattitude is neither a location property nor a custom one`);
    expect(problems).toContain(`${location.id}: country is not an ISO 3166-1 alpha-2 code`);
  });

  it('says who, where and how sure: identity classes, coordinates, Admiralty grades as confidence', async () => {
    const { objects } = await exportedBundle(db);
    const named = (name: string) => objects.find((o) => o.name === name)!;
    expect(named('Vladimir Putin')).toMatchObject({ type: 'identity', identity_class: 'individual' });
    expect(named('Russia')).toMatchObject({ identity_class: 'organization', sectors: ['government-national'] });
    expect(named('Hmeimim Air Base')).toMatchObject({ type: 'location', country: 'SY', latitude: 35.4011 });
    const groupings = objects.filter((o) => o.type === 'grouping');
    const scale: Record<number, number | undefined> = { 1: 90, 2: 70, 3: 50, 4: 30, 5: 10, 6: undefined };
    for (const g of groupings) expect(g.confidence).toBe(scale[g.x_sitrep_credibility as number]);
    expect(new Set(groupings.map((g) => g.x_sitrep_credibility)).size).toBeGreaterThan(1);
    // A note's content is the claim's words as the article has them, its authors the source's.
    const claim = db.sqlite
      .prepare<[], { quote: string; source: string }>(
        'select quote, source_text as source from claims where source_text is not null order by id limit 1',
      )
      .get()!;
    expect(objects.find((o) => o.type === 'note' && o.content === claim.quote)).toMatchObject({
      authors: [claim.source],
    });
  });

  it('writes in chunks of a few objects, waiting for a slow reader, never the whole bundle at once', async () => {
    const writes: number[] = [];
    const slow = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _encoding, done) {
        writes.push(chunk.length);
        setImmediate(done);
      },
    });
    await writeStixBundle(sqliteExportSource(db), slow);
    // About 64 KB a write (stix.ts's CHUNK, plus the object that crossed it), of a bigger bundle.
    expect(writes.reduce((a, b) => a + b, 0)).toBeGreaterThan(100_000);
    expect(writes.length).toBeGreaterThan(2);
    expect(Math.max(...writes)).toBeLessThan(80_000);
  });
});

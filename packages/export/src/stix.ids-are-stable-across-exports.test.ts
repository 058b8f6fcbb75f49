import { createArticle, createClaim, setSourceReliability } from '@sitrep/db';
import { v5 as uuidv5, version } from 'uuid';
import { describe, expect, it } from 'vitest';
import { SITREP_NAMESPACE, stixId } from './stix-ids';
import { demoDatabase, exportedBundle } from './stix.test-bundle';

const db = demoDatabase('sitrep-stix-ids-');

describe('STIX ids', () => {
  it('are the same in a second export, and so is every object; only the bundle is new', async () => {
    const first = await exportedBundle(db);
    const second = await exportedBundle(db);
    expect(second.objects).toEqual(first.objects);
    expect(second.id).not.toBe(first.id);
  });

  it('are UUIDv5 of the row in Sitrep’s namespace, so another tool can name an object without the bundle', async () => {
    const { objects } = await exportedBundle(db);
    for (const o of objects) expect(version(o.id.split('--')[1]!), o.id).toBe(5);
    const claim = db.sqlite.prepare<[], { id: number; quote: string }>('select id, quote from claims limit 1').get()!;
    const note = objects.find((o) => o.type === 'note' && o.content === claim.quote)!;
    expect(note.id).toBe(`note--${uuidv5(`claim:${claim.id}`, SITREP_NAMESPACE)}`);
  });

  it('stay put when the knowledge base grows: a new article adds a report and changes no other id', async () => {
    const before = await exportedBundle(db);
    createArticle(db, {
      title: 'Stored after the first export',
      publishedAt: '2025-03-02',
      dateline: null,
      outlet: 'Test wire',
      url: 'https://example.org/after',
      text: 'A made-up note, stored between two exports.',
    });
    const after = await exportedBundle(db);
    const ids = (b: typeof before) => new Set(b.objects.map((o) => o.id));
    const added = [...ids(after)].filter((id) => !ids(before).has(id));
    expect(added.map((id) => id.split('--')[0]).sort()).toEqual(['identity', 'report']);
    expect([...ids(before)].every((id) => ids(after).has(id))).toBe(true);
    const report = after.objects.find((o) => o.name === 'Stored after the first export')!;
    expect(report).toMatchObject({
      published: '2025-03-02T00:00:00.000Z',
      external_references: [{ source_name: 'Test wire', url: 'https://example.org/after' }],
    });
  });

  it('keep their id and created when the row changes, and modified moves on so a platform takes the newer version', async () => {
    const article = db.sqlite.prepare<[], { id: number; text: string }>('select id, text from articles limit 1').get()!;
    const actor = db.sqlite.prepare("select id from entities where kind = 'actor' limit 1").pluck().get() as number;
    const before = await exportedBundle(db);
    setSourceReliability(db, actor, 'A', null, 'graded for the test');
    createClaim(db, { articleId: article.id, quote: article.text.slice(0, 20), stance: 'affirms' });
    const after = await exportedBundle(db);
    const changed = ['identity', 'report'].map((type) => {
      const id = stixId(type as 'identity' | 'report', type === 'report' ? `article:${article.id}` : `entity:${actor}`);
      return [before, after].map((b) => b.objects.find((o) => o.id === id)!);
    });
    for (const [was, is] of changed) {
      expect(is!.created).toBe(was!.created);
      expect(is!.modified > was!.modified, `${is!.id} modified`).toBe(true);
    }
    expect(changed[0]![1]).toMatchObject({ x_sitrep_reliability: 'A' });
  });
});

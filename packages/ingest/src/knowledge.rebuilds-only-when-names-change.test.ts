import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addAlias, createArticle, createEntity, mergeEntities, openDatabase } from '@sitrep/db';
import { afterAll, describe, expect, it } from 'vitest';
import { knowledgeOf, knownEntityNamed } from './knowledge';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-knowledge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('knowledgeOf', () => {
  const file = join(dir, 'kb.db');
  const db = openDatabase(file);
  const other = openDatabase(file);
  afterAll(() => {
    db.close();
    other.close();
  });
  const qarvani = createEntity(db, { kind: 'installation', name: 'Qarvani Air Base', installationType: 'air base' }, [
    'Qarvani',
  ]);
  const named = (name: string) => knownEntityNamed(db, knowledgeOf(db), name)?.id;

  it('holds every entity with its names, kind and type', () => {
    expect(knowledgeOf(db).base.entities).toEqual([
      {
        id: String(qarvani.id),
        name: 'Qarvani Air Base',
        type: 'installation',
        subtype: 'airbase',
        aliases: ['Qarvani'],
      },
    ]);
  });

  it('is the same object while nothing is written, and after a commit elsewhere that writes no name', () => {
    const first = knowledgeOf(db);
    expect(knowledgeOf(db)).toBe(first);
    createArticle(other, { title: 'A note', publishedAt: '2025-05-01', text: 'A note about nothing in particular.' });
    expect(knowledgeOf(db)).toBe(first);
  });

  it('knows the names this connection adds, keeping its base and building only the recent names', () => {
    const first = knowledgeOf(db);
    const ostrel = createEntity(db, { kind: 'actor', name: 'Ostrel Monitor', actorType: 'organization' });
    addAlias(db, qarvani.id, 'Qarwani airfield');
    const second = knowledgeOf(db);
    expect(second).not.toBe(first);
    expect(second.base).toBe(first.base);
    expect(second.recent?.entities.map((e) => e.name)).toEqual(['Qarvani Air Base', 'Ostrel Monitor']);
    expect(named('the Ostrel Monitor’s')).toBe(ostrel.id);
    expect(named('Qarwani Airfield')).toBe(qarvani.id);
    expect(named('Qarvani')).toBe(qarvani.id);
  });

  it('knows the names another connection adds', () => {
    const kerzan = createEntity(other, { kind: 'installation', name: 'Kerzan Air Base' });
    expect(named('Kerzan Airbase')).toBeUndefined();
    expect(named('Kerzan Air-Base')).toBe(kerzan.id);
  });

  it('follows a merge: of recent names by reading them again, of the base’s by building everything', () => {
    const darvel = createEntity(other, { kind: 'installation', name: 'Darvel Air Base' });
    const before = knowledgeOf(db);
    const kerzan = knownEntityNamed(db, before, 'Kerzan Air Base')!;
    mergeEntities(other, darvel.id, kerzan.id);
    expect(knowledgeOf(db).base).toBe(before.base);
    expect(named('Kerzan Air Base')).toBe(darvel.id);
    // Qarvani's names were in the base: they move to Darvel.
    mergeEntities(other, darvel.id, qarvani.id);
    expect(knowledgeOf(db).base).not.toBe(before.base);
    expect(knowledgeOf(db).recent).toBeNull();
    expect(named('Qarvani Air Base')).toBe(darvel.id);
    expect(named('Kerzan Air Base')).toBe(darvel.id);
  });

  it('builds everything again once the recent names outgrow a sixteenth of the base', () => {
    const base = knowledgeOf(db).base;
    let rebuiltAt = 0;
    for (let i = 1; i <= 300 && rebuiltAt === 0; i += 1) {
      createEntity(db, { kind: 'actor', name: `Velmora Unit ${i}` });
      if (knowledgeOf(db).base !== base) rebuiltAt = i;
    }
    // A base of a few names: the floor of 4,096 names allows 256 recent ones.
    expect(rebuiltAt).toBe(257);
    expect(knowledgeOf(db).recent).toBeNull();
    expect(named('Velmora Unit 7')).toBeDefined();
  });
});

describe('knownEntityNamed', () => {
  const db = openDatabase(join(dir, 'named.db'));
  afterAll(() => db.close());
  const qarvani = createEntity(db, { kind: 'installation', name: 'Qarvani Air Base' });

  it('finds an entity by the whole of a name, its spelling folded, a leading “the” and a possessive aside', () => {
    for (const name of ['Qarvani Air Base', 'QARVÁNI AIR BASE', 'the Qarrvani Air-Base', 'Qarvani Air Base’s'])
      expect(knownEntityNamed(db, knowledgeOf(db), name)?.id, name).toBe(qarvani.id);
  });

  it('finds nothing for a name that only contains a known name, or is only part of one', () => {
    for (const name of ['Qarvani Air Base Command', 'North Qarvani Air Base', 'Qarvani', 'Air Base'])
      expect(knownEntityNamed(db, knowledgeOf(db), name), name).toBeUndefined();
  });
});

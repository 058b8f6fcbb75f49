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

  it('holds every entity with its names, kind and type', () => {
    expect(knowledgeOf(db).entities).toEqual([
      {
        id: String(qarvani.id),
        name: 'Qarvani Air Base',
        type: 'installation',
        subtype: 'air_base',
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

  it('is built again after this connection adds an entity or an alias', () => {
    const first = knowledgeOf(db);
    createEntity(db, { kind: 'actor', name: 'Ostrel Monitor', actorType: 'organization' });
    const second = knowledgeOf(db);
    expect(second).not.toBe(first);
    expect(second.entities.map((e) => e.name)).toContain('Ostrel Monitor');
    addAlias(db, qarvani.id, 'Qarwani airfield');
    expect(knownEntityNamed(db, knowledgeOf(db), 'the Qarwani airfield')?.id).toBe(qarvani.id);
  });

  it('is built again after another connection adds a name or merges two entities', () => {
    const first = knowledgeOf(db);
    const twin = createEntity(other, { kind: 'installation', name: 'Kerzan Air Base' });
    const second = knowledgeOf(db);
    expect(second).not.toBe(first);
    expect(knownEntityNamed(db, second, 'Kerzan Air Base')?.id).toBe(twin.id);
    mergeEntities(other, qarvani.id, twin.id);
    expect(knownEntityNamed(db, knowledgeOf(db), 'Kerzan Air Base')?.id).toBe(qarvani.id);
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

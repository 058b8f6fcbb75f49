import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createArticle, openDatabase } from '@sitrep/db';
import { afterAll, describe, expect, it } from 'vitest';
import { ChangeWatcher, type KnowledgeChange } from './changes';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-changes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'kb.db');
openDatabase(file).close();

const article = (title: string) => ({
  title,
  publishedAt: '2025-03-01',
  dateline: null,
  outlet: 'Test desk',
  url: null,
  text: `${title}: a made-up note for the change watcher.`,
});

describe('ChangeWatcher', () => {
  it('hears a commit by another connection, with what it added', async () => {
    const watcher = new ChangeWatcher(file, 20);
    const heard: KnowledgeChange[] = [];
    const stop = watcher.listen((c) => heard.push(c));
    const writer = openDatabase(file);
    const { id } = createArticle(writer, article('First note'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard).toMatchObject([{ articleIds: [id], claimIds: [], newClaims: 0, edited: false }]);
    writer.sqlite.prepare('update articles set outlet = ? where id = ?').run('Other desk', id);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard.at(-1)).toMatchObject({ articleIds: [], edited: true });
    stop();
    writer.close();
    watcher.close();
  });

  it('stops watching when its last subscriber goes, even while it waits for a change', async () => {
    const watcher = new ChangeWatcher(file, 20);
    const changes = watcher.changes();
    const first = changes.next();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(watcher.state).toEqual({ listeners: 1, watching: true });
    // What a server does when the client's connection closes.
    await changes.return?.();
    await expect(first).resolves.toMatchObject({ done: true });
    expect(watcher.state).toEqual({ listeners: 0, watching: false });
  });

  it('watches nothing for an in-memory database', () => {
    const watcher = new ChangeWatcher(':memory:');
    const stop = watcher.listen(() => {});
    expect(watcher.state).toEqual({ listeners: 1, watching: false });
    stop();
  });
});

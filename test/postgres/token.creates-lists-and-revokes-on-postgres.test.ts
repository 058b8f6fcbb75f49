import { openPostgres, postgresStore } from '@sitrep/db';
import { describe, expect, it } from 'vitest';
import { runSitrep } from '../helpers';
import { postgresDatabase } from '../helpers/postgres';

const url = await postgresDatabase('tokens on PostgreSQL');

describe.skipIf(!url)('sitrep token on PostgreSQL', () => {
  it('creates a token whose secret is printed once and only its hash stored, lists it, and revokes it', async () => {
    // $SITREP_DB names the database as --db does.
    const created = runSitrep(['token', 'create', '--scope', 'write', '--name', 'desk laptop'], { SITREP_DB: url! });
    expect(created.status, created.stderr).toBe(0);
    expect(created.stderr).toMatch(/^Created write token 1 \(“desk laptop”\)\. It is shown only now:/);
    const secret = created.stdout.trim();
    expect(secret).toMatch(/^sitrep_write_[\w-]{32}$/);

    await using pg = await openPostgres(url!);
    // As the server looks a bearer token up.
    const store = postgresStore(pg);
    const stored = await store.liveToken(secret);
    expect(stored).toMatchObject({ id: 1, scope: 'write', name: 'desk laptop', revokedAt: null });
    const [raw] = await pg.sql<{ token_hash: string }[]>`select token_hash from api_tokens`;
    expect(raw!.token_hash).not.toContain(secret.slice(13));

    const listed = runSitrep(['token', 'list', '--db', url!]);
    expect(listed.stdout).toMatch(/^1\twrite\tlive\t\d{4}-\d\d-\d\dT[\d:.]+Z\tdesk laptop\n$/);

    const revoked = runSitrep(['token', 'revoke', '1', '--db', url!]);
    expect(revoked.stdout).toBe('Revoked token 1 (“desk laptop”).\n');
    expect(await store.liveToken(secret)).toBeUndefined();
    expect(runSitrep(['token', 'list', '--db', url!]).stdout).toMatch(/^1\twrite\trevoked \d{4}-[\d:.T-]+Z\t/);
  });

  it('says in one line that a token it does not know is not there', () => {
    const result = runSitrep(['token', 'revoke', '99', '--db', url!]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toBe('sitrep: No token with id 99.\n');
  });
});

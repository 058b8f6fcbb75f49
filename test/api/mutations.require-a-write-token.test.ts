import { describe, expect, it } from 'vitest';
import { dataOf, errorCodes, startTestServer, useTestServer } from '../helpers';

const server = useTestServer();

const CREATE = `mutation($name: String!) { createActor(input: { name: $name, actorType: "organisation" }) { actor { id name } } }`;
const countActors = async () =>
  dataOf(await server.gql<{ actors: { totalCount: number } }>('{ actors { totalCount } }')).actors.totalCount;

describe('access control', () => {
  it('refuses a mutation without a token, with UNAUTHENTICATED and how to get one, writing nothing', async () => {
    const before = await countActors();
    const response = await server.gql(CREATE, { name: 'Anonymous Writers Ltd' });
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.errors?.[0]?.message).toMatch(/token create --scope write/);
    expect(await countActors()).toBe(before);
  });

  it('refuses a read-scope token with FORBIDDEN', async () => {
    const before = await countActors();
    const response = await server.gql(CREATE, { name: 'Readers Inc' }, server.token('read'));
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(await countActors()).toBe(before);
  });

  it('refuses an unknown or revoked token, even for reads', async () => {
    expect(errorCodes(await server.gql(CREATE, { name: 'X' }, 'sitrep_write_forged'))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await server.gql('{ actors { totalCount } }', {}, 'sitrep_write_forged'))).toEqual([
      'UNAUTHENTICATED',
    ]);
    const token = server.token('write');
    server.db.sqlite.prepare("update api_tokens set revoked_at = 'now'").run();
    expect(errorCodes(await server.gql(CREATE, { name: 'Revoked' }, token))).toEqual(['UNAUTHENTICATED']);
  });

  it('accepts a write token', async () => {
    const before = await countActors();
    const data = dataOf(
      await server.gql<{ createActor: { actor: { name: string } } }>(
        CREATE,
        { name: 'Writers Guild' },
        server.token('write'),
      ),
    );
    expect(data.createActor.actor.name).toBe('Writers Guild');
    expect(await countActors()).toBe(before + 1);
  });

  it('keeps reads open by default', async () => {
    expect(await countActors()).toBeGreaterThan(0);
  });
});

describe('a server that requires tokens for reads', () => {
  it('refuses anonymous reads and accepts a read token', async () => {
    await using locked = await startTestServer({ readsNeedToken: true });
    expect(errorCodes(await locked.gql('{ actors { totalCount } }'))).toEqual(['UNAUTHENTICATED']);
    const data = dataOf(
      await locked.gql<{ actors: { totalCount: number } }>('{ actors { totalCount } }', {}, locked.token('read')),
    );
    expect(data.actors.totalCount).toBeGreaterThan(0);
  });
});

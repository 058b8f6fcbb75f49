import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, revokeToken } from '@sitrep/db';
import { HOVER_QUERY } from '@sitrep/vocabulary';
import { FAST_PATH_ROUTES, REPEATS, type ServedTwice, ask, askBoth, serveTwice } from '@sitrep/test';

// A document Yoga has accepted is answered from then on by the fast path, which runs the plugins'
// envelop hooks but skips Yoga's HTTP layer and the hooks there (body limit, CSRF, CORS), copying
// their rules instead. Every guard must hold for it all the same: each test here first makes a
// document known (the fast path answers it), then sends it the way a guard must refuse.

const HOVER = (name: string) => JSON.stringify({ query: HOVER_QUERY, variables: { name } });
const codeOf = (body: string) =>
  (JSON.parse(body) as { errors?: Array<{ extensions?: { code?: string } }> }).errors?.[0]?.extensions?.code;

/** Makes `body`'s document known, and checks that the fast path now answers it. */
async function known(served: ServedTwice, body: string, headers: Record<string, string> = {}) {
  await askBoth(served, body, headers);
  const answered = served.fast.fastPath!.answered;
  const again = await ask(served.fast.url, body, headers);
  expect(again.status).toBe(200);
  expect(served.fast.fastPath!.answered).toBe(answered + 1);
}

describe.each(FAST_PATH_ROUTES)('on a document the fast path knows, %s, the guards still hold', (_route, plugins) => {
  let open: ServedTwice;
  let guarded: ServedTwice;
  beforeAll(async () => {
    open = await serveTwice({ plugins });
    guarded = await serveTwice({
      plugins,
      readsNeedToken: true,
      introspection: false,
      corsOrigins: ['http://desk.example'],
      limits: { maxBodyBytes: 4000, maxComplexity: 2000 },
    });
  });
  afterAll(async () => {
    await open.dispose();
    await guarded.dispose();
  });

  it('the complexity limit: a bigger page size in the variables is refused with QUERY_TOO_COMPLEX', async () => {
    const NESTED = `query($n: Int!) { entities(first: $n) { edges { node { name
      claims(first: $n) { edges { node { quote about { entity { name aliases } } } } } } } } }`;
    await known(open, JSON.stringify({ query: NESTED, variables: { n: 2 } }));
    const costly = await askBoth(open, JSON.stringify({ query: NESTED, variables: { n: 100 } }));
    expect(codeOf(costly.body)).toBe('QUERY_TOO_COMPLEX');
    expect(costly.body).toMatch(/complexity \d+ exceeds the limit of 25000/);
  });

  it('an unknown or revoked bearer token is refused, also where reads need none', async () => {
    await known(open, HOVER('Hmeimim'));
    const unknown = await askBoth(open, HOVER('Hmeimim'), { authorization: 'Bearer nonsense' });
    expect(codeOf(unknown.body)).toBe('UNAUTHENTICATED');
    const token = createToken(open.db, 'read', 'soon revoked');
    const fine = await askBoth(open, HOVER('Hmeimim'), { authorization: `Bearer ${token.secret}` });
    expect(codeOf(fine.body)).toBeUndefined();
    revokeToken(open.db, token.token.id);
    const revoked = await askBoth(open, HOVER('Hmeimim'), { authorization: `Bearer ${token.secret}` });
    expect(codeOf(revoked.body)).toBe('UNAUTHENTICATED');
  });

  it('with readsNeedToken, a known query without a token is refused', async () => {
    const token = createToken(guarded.db, 'read', 'reader').secret;
    await known(guarded, HOVER('Tartus'), { authorization: `Bearer ${token}` });
    const anonymous = await askBoth(guarded, HOVER('Tartus'));
    expect(codeOf(anonymous.body)).toBe('UNAUTHENTICATED');
  });

  it('CSRF: the same body as a form or as text/plain is refused with 403', async () => {
    await known(open, HOVER('Tartus'));
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const refused = await askBoth(open, HOVER('Tartus'), { 'content-type': type });
      expect(refused.status, type).toBe(403);
      expect(codeOf(refused.body)).toBe('CSRF_PREVENTED');
    }
  });

  it('the body limit: a known query with bigger variables gets 413, declared or streamed', async () => {
    const token = createToken(guarded.db, 'read', 'big bodies').secret;
    const auth = { authorization: `Bearer ${token}` };
    await known(guarded, HOVER('Tartus'), auth);
    const big = HOVER(`Tartus${' '.repeat(5000)}`);
    const declared = await askBoth(guarded, big, auth);
    expect(declared.status).toBe(413);
    expect(codeOf(declared.body)).toBe('PAYLOAD_TOO_LARGE');
    const streamed = await ask(guarded.fast.url, new Blob([big]).stream(), auth);
    expect(streamed.status).toBe(413);
  });

  it('introspection stays off however often it is asked', async () => {
    const token = createToken(guarded.db, 'read', 'curious').secret;
    const schema = await askBoth(guarded, JSON.stringify({ query: '{ __schema { queryType { name } } }' }), {
      authorization: `Bearer ${token}`,
    });
    expect(schema.body).toMatch(/introspection/i);
    expect(schema.body).not.toContain('"queryType"');
  });

  it('CORS headers for a listed origin, none for another, as Yoga sends them', async () => {
    const token = createToken(guarded.db, 'read', 'browser').secret;
    const auth = { authorization: `Bearer ${token}` };
    await known(guarded, HOVER('Hmeimim'), auth);
    const listed = await askBoth(guarded, HOVER('Hmeimim'), { ...auth, origin: 'http://desk.example' });
    expect(listed.cors).toBe('http://desk.example');
    const other = await askBoth(guarded, HOVER('Hmeimim'), { ...auth, origin: 'http://evil.example' });
    expect(other.cors).toBeNull();
  });

  it('a mutation never takes the fast path: each one runs, and each needs a write token', async () => {
    const CREATE = JSON.stringify({
      query: 'mutation($name: String!) { createActor(input: { name: $name }) { actor { name } } }',
      variables: { name: 'Fast Path Test Body' },
    });
    const answered = open.fast.fastPath!.answered;
    for (let i = 0; i < REPEATS; i++) {
      const refused = await ask(open.fast.url, CREATE);
      expect(codeOf(refused.body)).toBe('UNAUTHENTICATED');
    }
    const token = createToken(open.db, 'write', 'writer').secret;
    const created = await ask(open.fast.url, CREATE, { authorization: `Bearer ${token}` });
    expect(created.body).toContain('"name":"Fast Path Test Body"');
    const again = await ask(open.fast.url, CREATE, { authorization: `Bearer ${token}` });
    expect(codeOf(again.body)).toBe('CONFLICT');
    expect(open.fast.fastPath!.answered).toBe(answered);
  });

  it('known queries and mutations sent together: every write lands, every read answers, no transaction stays open', async () => {
    const token = createToken(open.db, 'write', 'busy writer').secret;
    await known(open, HOVER('Hmeimim'));
    const ADD = 'mutation($e: ID!, $n: String!) { addAlias(input: { entity: $e, name: $n }) { entity { aliases } } }';
    const hmeimim = (
      JSON.parse((await ask(open.fast.url, HOVER('Hmeimim'))).body) as { data: { entity: { id: string } } }
    ).data.entity.id;
    const answered = open.fast.fastPath!.answered;
    const requests = Array.from({ length: 40 }, (_, i) =>
      i % 4 === 0
        ? ask(open.fast.url, JSON.stringify({ query: ADD, variables: { e: hmeimim, n: `Concurrent Name ${i}` } }), {
            authorization: `Bearer ${token}`,
          })
        : ask(open.fast.url, HOVER('Hmeimim')),
    );
    const answers = await Promise.all(requests);
    for (const answer of answers) expect(codeOf(answer.body), answer.body.slice(0, 200)).toBeUndefined();
    expect(open.fast.fastPath!.answered - answered).toBeGreaterThanOrEqual(25);
    const aliases = (
      JSON.parse((await ask(open.fast.url, HOVER('Hmeimim'))).body) as {
        data: { entity: { aliases: string[] } };
      }
    ).data.entity.aliases;
    for (let i = 0; i < 40; i += 4) expect(aliases).toContain(`Concurrent Name ${i}`);
    expect(open.db.sqlite.inTransaction).toBe(false);
  });

  it('GET requests stay Yoga’s, with their CSRF header rule', async () => {
    await known(open, HOVER('Tartus'));
    const answered = open.fast.fastPath!.answered;
    const url = `${open.fast.url}?query=${encodeURIComponent('{ claims { totalCount } }')}`;
    for (let i = 0; i < REPEATS; i++) {
      expect((await fetch(url, { headers: { accept: 'application/json' } })).status).toBe(403);
      expect((await fetch(url, { headers: { accept: 'application/json', 'x-graphql-csrf': '1' } })).status).toBe(200);
    }
    expect(open.fast.fastPath!.answered).toBe(answered);
  });
});

import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Kind, type OperationDefinitionNode, parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { type GraphQLResponse, REPO_ROOT, type ReadmeBlock, dataOf, readmeBlocks, useTestServer } from '../helpers';
import { subscribeOverSse, untilListening } from '../helpers/sse';
import { README_SAYS } from './readme.what-each-example-promises';

// Every example in README.md runs here against the demo data, so the README cannot drift from the
// API. A GraphQL block added later runs too, or fails saying what this file lacks to run it.

const server = useTestServer();
const blocks = readmeBlocks();
const graphqlBlocks = blocks.filter((b) => b.lang === 'graphql');

/** The endpoint the README's examples call; here, the test server's. */
const README_ENDPOINT = 'http://127.0.0.1:4000/graphql';
/** The README's TypeScript is the core of this file, which test/cli/example-script…test.ts runs. */
const TS_EXAMPLE = 'examples/latest-claims.ts';

/** A block's name in a test title: its line and its first field, e.g. `entity(name: "Khmeimim") {`. */
function named(block: ReadmeBlock): string {
  const lines = block.text.split('\n').map((l) => l.trim());
  const field = lines.find((l) => /^[a-z]\w*\s*\(/i.test(l) && !/^(query|mutation|subscription)\b/.test(l));
  return `README.md:${block.line} ${(field ?? lines[0]!).slice(0, 70)}`;
}

// The demo data holds no candidate (all of it is confirmed). This report of ours leaves two, as a
// reader's first ingest would, so the README's review examples have something to review.
const CANDIDATE_REPORT = `date 2025-06-10 TARTUS: Cranes were moving containers at the Tartous naval base on Sunday, said Lena Osterhout, a researcher at the Harbour Traffic Project.
`;
const INGEST = 'mutation($text: String!) { ingestArticle(input: { text: $text }) { article { id } } }';

let token: string;
beforeAll(async () => {
  token = server.token('write');
  dataOf(await server.gql(INGEST, { text: CANDIDATE_REPORT }, token));
});

async function idOf(name: string): Promise<string> {
  const { entity } = dataOf(
    await server.gql<{ entity: { id: string } | null }>('query($n: String!) { entity(name: $n) { id } }', { n: name }),
  );
  if (!entity) throw new Error(`No entity is called “${name}”.`);
  return entity.id;
}

/** The first candidate the list shows (by name), as a reader would pick one. */
async function firstCandidate(): Promise<string> {
  const { entities } = dataOf(
    await server.gql<{ entities: { edges: Array<{ node: { id: string } }> } }>(
      '{ entities(first: 1, filter: { reviewStatus: CANDIDATE }) { edges { node { id } } } }',
    ),
  );
  return entities.edges[0]!.node.id;
}

/** How a `"<…>"` the README asks the reader to fill in gets its value here: the first rule that matches. */
const PLACEHOLDERS: Array<[RegExp, (match: RegExpExecArray) => Promise<string>]> = [
  [/^<a candidate's id>$/, firstCandidate],
  // "<Hmeimim's id>": the `id` that entity(name: "Hmeimim") returns, as the README tells the reader
  [/^<(.+)'s id>$/, (match) => idOf(match[1]!)],
];

/** Values for the variables an example declares, by name. */
const VARIABLES: Record<string, unknown> = {
  // ingestArticle's article: a report of ours, not the demo's (the same text twice is a CONFLICT)
  text: 'date 2025-07-02 LATAKIA: Two Russian transport aircraft landed at Hmeimim on Tuesday, a Syrian defence official said.\n',
};

/** The block as a request: placeholders filled in, variables given, a token for a mutation. */
async function requestOf(block: ReadmeBlock) {
  let query = block.text;
  for (const [quoted, placeholder] of block.text.matchAll(/"(<[^"]*>)"/g)) {
    const rule = PLACEHOLDERS.find(([pattern]) => pattern.test(placeholder!));
    if (!rule) throw new Error(`${named(block)}: no rule in PLACEHOLDERS fills in ${placeholder}.`);
    query = query.replace(quoted, JSON.stringify(await rule[1](rule[0].exec(placeholder!)!)));
  }
  const operations = parse(query).definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operations[0];
  if (operations.length !== 1 || !operation) {
    throw new Error(`${named(block)}: this test runs one operation a block.`);
  }
  const variables: Record<string, unknown> = {};
  for (const { variable } of operation.variableDefinitions ?? []) {
    const name = variable.name.value;
    if (!(name in VARIABLES)) throw new Error(`${named(block)}: VARIABLES has no value for $${name}.`);
    variables[name] = VARIABLES[name];
  }
  return {
    query,
    variables,
    token: operation.operation === 'mutation' ? token : undefined,
    subscription: operation.operation === 'subscription',
  };
}

/** A README subscription's first event after a report of ours is ingested, as a reader would see it. */
async function firstChange(query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const client = subscribeOverSse(server.url, query, variables);
  try {
    await untilListening(() => server.changeListeners());
    dataOf(await server.gql(INGEST, { text: SUBSCRIBED_REPORT }, token));
    const event = (await client.next(3_000)) as { data?: Record<string, unknown>; errors?: unknown } | null;
    expect(event?.errors, JSON.stringify(event?.errors)).toBeUndefined();
    expect(event?.data, 'an event within 3 s of the commit').toBeDefined();
    return event!.data!;
  } finally {
    await client.close();
  }
}

// What the subscription example hears of: a report of ours, ingested while it listens.
const SUBSCRIBED_REPORT = `date 2025-07-09 LATAKIA: Three Russian helicopters left Hmeimim on Wednesday, a Syrian official said.
`;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Top-level fields that came back null, or as a list or a connection with nothing in it. */
const emptyFields = (data: Record<string, unknown>) =>
  Object.entries(data)
    .filter(
      ([, v]) =>
        v == null || (Array.isArray(v) && v.length === 0) || (isObject(v) && Array.isArray(v.edges) && !v.edges.length),
    )
    .map(([field]) => field);

describe('the README’s GraphQL examples, in order, against the demo data', () => {
  it.each(graphqlBlocks.map((b) => [named(b), b] as const))('%s answers with data', async (_name, block) => {
    const says = README_SAYS.filter((s) => block.text.includes(s.marker));
    const context = { gql: server.gql, idOf, block };
    for (const promise of says) await promise.before?.(context);
    const request = await requestOf(block);
    const data = request.subscription
      ? await firstChange(request.query, request.variables)
      : dataOf(await server.gql(request.query, request.variables, request.token));
    expect(emptyFields(data)).toEqual([]);
    for (const promise of says) await promise.after(data, context);
  });

  it('finds the example of each promise it checks, once', () => {
    for (const { marker } of README_SAYS) {
      expect(graphqlBlocks.filter((b) => b.text.includes(marker)).length, marker).toBe(1);
    }
  });
});

describe('the README’s other examples', () => {
  it('runs each curl command through curl, against the test server', async () => {
    const curls = blocks.filter((b) => b.lang === 'sh' && /\bcurl\b/.test(b.text));
    expect(curls.length).toBeGreaterThan(0);
    for (const block of curls) {
      expect(block.text, named(block)).toContain(README_ENDPOINT);
      // Asynchronously: the server runs in this process and must keep answering.
      const { stdout } = await promisify(execFile)('sh', ['-c', block.text.replaceAll(README_ENDPOINT, server.url)]);
      const data = dataOf(JSON.parse(stdout) as GraphQLResponse);
      expect(emptyFields(data), named(block)).toEqual([]);
      // the README's curl asks for "Tartous": the transliteration finds the facility
      expect(data).toMatchObject({
        entity: { name: 'Tartus naval facility', claimStats: { claims: expect.any(Number) } },
      });
    }
  });

  it(`shows TypeScript word for word as ${TS_EXAMPLE} has it`, () => {
    const source = readFileSync(join(REPO_ROOT, TS_EXAMPLE), 'utf8');
    const typescript = blocks.filter((b) => b.lang === 'ts');
    expect(typescript.length).toBeGreaterThan(0);
    for (const block of typescript) expect(source.includes(block.text), named(block)).toBe(true);
  });

  it('knows what to do with every block', () => {
    // Blocks that are no API example, and what checks them if anything does.
    const notApiExamples: Record<string, string> = {
      sh: 'pnpm and the sitrep command (test/cli); a curl command runs above',
      md: 'a note with front matter (test/cli/readme.notes-example-ingests.test.ts)',
      html: 'a saved web page (test/cli/readme.pages-example-ingests.test.ts)',
      text: "a command's output (test/cli/readme.watch-example-ingests.test.ts)",
      lua: "Neovim's setup (test/lsp/neovim.hovers.test.ts)",
      toml: "Helix's setup",
      elisp: "Emacs' setup",
      '': 'the architecture diagram',
    };
    const unknown = blocks.filter((b) => !['graphql', 'ts'].includes(b.lang) && !(b.lang in notApiExamples));
    expect(unknown.map((b) => `README.md:${b.line} \`\`\`${b.lang}`)).toEqual([]);
  });
});

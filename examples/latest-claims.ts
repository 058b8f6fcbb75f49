// Prints the latest claims about a name, with who made them and where.
// Usage: npx tsx examples/latest-claims.ts "Tartus"   (SITREP_ENDPOINT overrides the endpoint)
export {}; // a module: top-level await

const endpoint = process.env.SITREP_ENDPOINT ?? 'http://127.0.0.1:4000/graphql';
const name = process.argv[2] ?? 'Hmeimim';

// With no server there, fetch fails with a bare "fetch failed" and a stack: say what to do instead.
process.on('uncaughtException', (error) => {
  const unreachable = error instanceof TypeError && error.message === 'fetch failed';
  console.error(
    unreachable
      ? `No Sitrep server answers at ${endpoint}: start one with \`pnpm start\`, or set SITREP_ENDPOINT.`
      : String(error),
  );
  process.exit(1);
});

// The README shows this part as it is: test/api/readme.examples-run-against-the-demo.test.ts checks.
const response = await fetch(endpoint, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    query: `query($name: String!) { entity(name: $name) {
      name claims(first: 5) { totalCount edges { node {
        saidOn stance hedged quote source { text actor { name } } article { title } } } } } }`,
    variables: { name },
  }),
});
const { data, errors } = (await response.json()) as { data?: Latest; errors?: Array<{ message: string }> };

if (errors) throw new Error(errors.map((e) => e.message).join('; '));
if (!data?.entity) {
  console.log(`Sitrep knows nothing called “${name}”.`);
} else {
  console.log(`${data.entity.name}: ${data.entity.claims.totalCount} claims, latest first`);
  for (const { node } of data.entity.claims.edges) {
    const who = node.source
      ? `${node.source.text}${node.source.actor ? ` (${node.source.actor.name})` : ''}`
      : 'the outlet';
    const how = `${node.stance.toLowerCase()}${node.hedged ? ', hedged' : ''}`;
    console.log(`- ${node.saidOn} ${who} [${how}]: “${node.quote}” (${node.article.title})`);
  }
}

interface Latest {
  entity: {
    name: string;
    claims: {
      totalCount: number;
      edges: Array<{
        node: {
          saidOn: string;
          stance: string;
          hedged: boolean;
          quote: string;
          source: { text: string; actor: { name: string } | null } | null;
          article: { title: string };
        };
      }>;
    };
  } | null;
}

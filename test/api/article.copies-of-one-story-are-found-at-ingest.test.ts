import { describe, expect, it } from 'vitest';
import { dataOf, useTestServer } from '../helpers';
import { OTHER_REPORT, WIRE_COPY, WIRE_STORY } from '../helpers/wire-story';

const server = useTestServer();

const INGEST = `mutation($text: String!, $outlet: String) {
  ingestArticle(input: { text: $text, outlet: $outlet }) { article { id } }
}`;
const COPIES = `query($ids: [ID!]!) {
  nodes(ids: $ids) { ... on Article { id outlet copyOf { id } copies { id outlet } } }
}`;

interface Copies {
  nodes: Array<{
    id: string;
    outlet: string;
    copyOf: { id: string } | null;
    copies: Array<{ id: string; outlet: string }>;
  }>;
}

describe('copies of one story', () => {
  it('are found at ingest: a cut, re-datelined copy joins the story; another report of the event does not', async () => {
    const token = server.token('write');
    const ingest = async (text: string, outlet: string) =>
      dataOf(await server.gql<{ ingestArticle: { article: { id: string } } }>(INGEST, { text, outlet }, token))
        .ingestArticle.article.id;
    const story = await ingest(WIRE_STORY, 'Wire');
    const copy = await ingest(WIRE_COPY, 'Republisher');
    const other = await ingest(OTHER_REPORT, 'Rival');

    const { nodes } = dataOf(await server.gql<Copies>(COPIES, { ids: [story, copy, other] }));
    expect(nodes).toEqual([
      { id: story, outlet: 'Wire', copyOf: null, copies: [{ id: copy, outlet: 'Republisher' }] },
      { id: copy, outlet: 'Republisher', copyOf: { id: story }, copies: [{ id: story, outlet: 'Wire' }] },
      { id: other, outlet: 'Rival', copyOf: null, copies: [] },
    ]);
  });
});

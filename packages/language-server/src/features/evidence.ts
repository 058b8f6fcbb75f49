import type { Location } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ARTICLE_FIELDS, type ArticleFields, EvidenceStore, evidenceUri } from '../evidence';
import { graphql } from '../graphql-client';
import { EvidenceDocumentRequest } from '../protocol';
import type { Workbench } from '../workbench';

/** Mentions listed by references: one page, the most a connection gives at once. */
const MAX_REFERENCES = 100;

const MENTIONS_QUERY = `query SitrepMentions($id: ID!, $first: Int!) {
  node(id: $id) { ... on Entity { mentions(first: $first) { edges { node { start end article { ${ARTICLE_FIELDS} } } } } } }
}`;

interface MentionsAnswer {
  node: { mentions?: { edges: Array<{ node: { start: number; end: number; article: ArticleFields } }> } } | null;
}

/**
 * From a name to its evidence, through standard requests: definition opens the entity's page,
 * references list where the knowledge base's articles mention it, each an article opened
 * read-only at the mention; `sitrep/evidence` serves those documents' text.
 */
export function registerEvidence(wb: Workbench): void {
  const store = new EvidenceStore(wb.endpoint, wb.facts);

  wb.connection.onRequest(EvidenceDocumentRequest, ({ uri }) => store.get(uri));

  wb.connection.onDefinition(async ({ textDocument, position }): Promise<Location | null> => {
    const found = await wb.nameAt(textDocument.uri, position);
    if (!found) return null;
    const start = { line: 0, character: 0 };
    return {
      uri: evidenceUri('entity', found.match.entry.entity, wb.dictionary.nameOf(found.match.entry)),
      range: { start, end: start },
    };
  });

  wb.connection.onReferences(async ({ textDocument, position, context }): Promise<Location[] | null> => {
    const found = await wb.nameAt(textDocument.uri, position);
    if (!found) return null;
    const entity = found.match.entry.entity;
    const { node } = await graphql<MentionsAnswer>(wb.endpoint(), MENTIONS_QUERY, {
      id: entity,
      first: MAX_REFERENCES,
    });
    const locations: Location[] = context.includeDeclaration
      ? [
          {
            uri: evidenceUri('entity', entity, wb.dictionary.nameOf(found.match.entry)),
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          },
        ]
      : [];
    const documents = new Map<string, TextDocument>();
    for (const { node: mention } of node?.mentions?.edges ?? []) {
      const uri = evidenceUri('article', mention.article.id, mention.article.title);
      const evidence = store.remember(mention.article);
      let document = documents.get(uri);
      if (!document) documents.set(uri, (document = TextDocument.create(uri, 'markdown', 0, evidence.text)));
      locations.push({
        uri,
        range: {
          start: document.positionAt(evidence.bodyOffset + mention.start),
          end: document.positionAt(evidence.bodyOffset + mention.end),
        },
      });
    }
    return locations;
  });
}

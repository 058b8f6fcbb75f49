import {
  EntityAtRequest,
  FactsMarkdownRequest,
  IngestDocumentRequest,
  type IngestDocumentResult,
  RefreshDictionaryRequest,
  StatusRequest,
} from '../protocol';
import { GraphQLRequestError, graphql } from '../graphql-client';
import { renderAllFacts } from '../render';
import type { Workbench } from '../workbench';

const INGEST = `mutation SitrepIngest($input: IngestArticleInput!) {
  ingestArticle(input: $input) { article { id title } claims { id } createdEntities { name } }
}`;

/** Sitrep's own requests (protocol.ts), for the editor's commands and status bar. */
export function registerRequests(wb: Workbench): void {
  const { connection } = wb;
  connection.onRequest(RefreshDictionaryRequest, () => wb.refresh(true));
  connection.onRequest(StatusRequest, () => wb.status());

  connection.onRequest(EntityAtRequest, async (params) => {
    const found = await wb.nameAt(params.textDocument.uri, params.position);
    return found ? { entity: found.match.entry.entity, name: found.match.entry.name } : null;
  });

  connection.onRequest(FactsMarkdownRequest, async (params) => {
    const entity = await wb.facts.get(params.entity, 100);
    return entity ? renderAllFacts(entity) : null;
  });

  connection.onRequest(IngestDocumentRequest, async (params): Promise<IngestDocumentResult> => {
    const document = wb.documents.get(params.textDocument.uri);
    if (!document) return { ok: false, message: 'The document is not open.' };
    try {
      const data = await graphql<{
        ingestArticle: {
          article: { id: string; title: string };
          claims: unknown[];
          createdEntities: Array<{ name: string }>;
        };
      }>(wb.endpoint(), INGEST, {
        input: { text: document.getText(), publishedAt: params.publishedAt ?? null, url: params.textDocument.uri },
      });
      void wb.refresh();
      const { article, claims, createdEntities } = data.ingestArticle;
      return {
        ok: true,
        title: article.title,
        claims: claims.length,
        createdEntities: createdEntities.map((e) => e.name),
      };
    } catch (error) {
      const code = error instanceof GraphQLRequestError ? error.code : undefined;
      return { ok: false, code, message: (error as Error).message };
    }
  });
}

import { type Hover, MarkupKind } from 'vscode-languageserver/node';
import { HOVER_QUERY, type HoverVariables } from '@sitrep/vocabulary';
import { UnreachableError } from '../graphql-client';
import { evidenceUri } from '../evidence';
import { renderHover } from '../render';
import type { Workbench } from '../workbench';

/**
 * What is known about the name under the cursor: contested statements first, then the latest,
 * each with its grade and backing. While Sitrep is unreachable, one hover per outage says so.
 */
export function registerHover(wb: Workbench): void {
  // The unreachable notice shows in one hover per outage, not on every mouse move.
  let outageNoticeShown = false;
  wb.onStatus((status) => {
    if (status.state === 'connected') outageNoticeShown = false;
  });
  const unreachableHover = (): Hover | null => {
    if (outageNoticeShown) return null;
    outageNoticeShown = true;
    return {
      contents: {
        kind: MarkupKind.Markdown,
        value: `**Sitrep is unreachable** at \`${wb.settings().endpoint}\`.\n\nStart the server (\`pnpm start\` in the Sitrep folder) or point the \`sitrep.endpoint\` setting at a running one; hovers resume on their own.`,
      },
    };
  };

  wb.connection.onHover(async ({ textDocument, position }): Promise<Hover | null> => {
    if (!wb.dictionary.matcher && wb.status().state === 'unreachable') {
      return wb.followed(textDocument.uri) ? unreachableHover() : null;
    }
    const found = await wb.nameAt(textDocument.uri, position);
    if (!found) return null;
    const { match, document } = found;
    const settings = wb.settings();
    try {
      const entity = await wb.facts.get(match.entry.entity, settings.maxClaims);
      if (!entity) return null;
      const args = encodeURIComponent(JSON.stringify([match.entry.entity]));
      // GraphiQL opens with the very question the hover asked, by this entity's ID, with longer lists.
      const variables: HoverVariables = { id: entity.id, name: null, first: 20 };
      const graphiql = `${settings.endpoint}?query=${encodeURIComponent(HOVER_QUERY)}&variables=${encodeURIComponent(JSON.stringify(variables))}`;
      return {
        contents: {
          kind: MarkupKind.Markdown,
          value: renderHover(entity, settings.maxClaims, {
            showAllLink: `command:sitrep.showFacts?${args}`,
            graphiqlLink: graphiql,
            // Only an editor that runs the command wants a link on every quote.
            evidenceLink: settings.commandLinks
              ? (claim) =>
                  `command:sitrep.openEvidence?${encodeURIComponent(JSON.stringify([evidenceUri('article', claim.article.id, claim.article.title), claim.start, claim.end]))}`
              : undefined,
          }),
        },
        range: { start: document.positionAt(match.start), end: document.positionAt(match.end) },
      };
    } catch (error) {
      if (error instanceof UnreachableError) {
        wb.unreachable(error.message);
        return unreachableHover();
      }
      wb.connection.console.error(`sitrep: hover on ${match.entry.name} failed: ${(error as Error).message}`);
      return null;
    }
  });
}

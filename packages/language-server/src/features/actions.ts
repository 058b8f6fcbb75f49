import { type CodeAction, CodeActionKind, MessageType, ShowMessageNotification } from 'vscode-languageserver/node';
import { GraphQLRequestError, graphql } from '../graphql-client';
import type { Workbench } from '../workbench';
import { NearNames } from './near-names';

export const ADD_ALIAS_COMMAND = 'sitrep.addAlias';
export const CREATE_ENTITY_COMMAND = 'sitrep.createEntity';

const ADD_ALIAS = `mutation SitrepAddAlias($input: AddAliasInput!) { addAlias(input: $input) { entity { name } } }`;
const CREATE_ACTOR = `mutation SitrepCreateActor($input: CreateActorInput!) { createActor(input: $input) { actor { name } } }`;
const CREATE_INSTALLATION = `mutation SitrepCreateInstallation($input: CreateInstallationInput!) {
  createInstallation(input: $input) { installation { name } }
}`;

/** A selection longer than this is not a name. */
const MAX_NAME_CHARS = 80;
const CAPITALISED_WORD = /^\p{Lu}[\p{L}'’-]+$/u;

/**
 * Quick fixes that write to the knowledge base: an unknown capitalised word close to a known name
 * ("Humaymim", near Hmeimim) can become that entity's alias, and any short selection a new actor
 * or installation. Run by the server (workspace/executeCommand) with the write token; without
 * one it says what to set.
 */
export function registerActions(wb: Workbench): void {
  let near: NearNames | null = null;
  const nearNow = () => {
    if (!near || near.entries !== wb.dictionary.entries) near = new NearNames(wb.dictionary.entries);
    return near;
  };
  const tell = (type: MessageType, message: string) =>
    void wb.connection.sendNotification(ShowMessageNotification.type, { type, message });

  wb.connection.onCodeAction(({ textDocument, range }) => {
    const document = wb.followed(textDocument.uri);
    const matcher = wb.dictionary.matcher;
    if (!document || !matcher || !wb.settings().quickFixes) return null;
    const text = document.getText();
    let start = document.offsetAt(range.start);
    let end = document.offsetAt(range.end);
    const actions: CodeAction[] = [];
    if (start === end) {
      // The word at the cursor.
      while (start > 0 && /[\p{L}'’-]/u.test(text[start - 1]!)) start--;
      while (end < text.length && /[\p{L}'’-]/u.test(text[end]!)) end++;
    }
    const selected = text.slice(start, end).trim();
    if (!selected || selected.length > MAX_NAME_CHARS || /\n/.test(selected)) return null;
    const known = matcher.findAt(text, start);
    if (known && known.start <= start && known.end >= end) return null;
    if (CAPITALISED_WORD.test(selected)) {
      const entry = nearNow().nearest(selected);
      if (entry) {
        const own = wb.dictionary.nameOf(entry);
        actions.push({
          title: `Add “${selected}” as a name of ${own}`,
          kind: CodeActionKind.QuickFix,
          isPreferred: true,
          command: { title: 'Add alias', command: ADD_ALIAS_COMMAND, arguments: [entry.entity, selected, own] },
        });
      }
    }
    if (range.start.line !== range.end.line || range.start.character !== range.end.character) {
      for (const kind of ['actor', 'installation'] as const)
        actions.push({
          title: `Create ${kind} “${selected}”`,
          kind: CodeActionKind.RefactorRewrite,
          command: { title: `Create ${kind}`, command: CREATE_ENTITY_COMMAND, arguments: [kind, selected] },
        });
    }
    return actions;
  });

  wb.connection.onExecuteCommand(async ({ command, arguments: args = [] }) => {
    if (command !== ADD_ALIAS_COMMAND && command !== CREATE_ENTITY_COMMAND) return;
    if (!wb.settings().token) {
      tell(
        MessageType.Warning,
        'Sitrep: changing the knowledge base needs a write token. Create one (`sitrep token create --scope write`) and put it in the sitrep.token setting.',
      );
      return;
    }
    try {
      if (command === ADD_ALIAS_COMMAND) {
        const [entity, name, own] = args as [string, string, string];
        await graphql(wb.endpoint(), ADD_ALIAS, { input: { entity, name } });
        tell(MessageType.Info, `Sitrep: “${name}” is now a name of ${own}.`);
      } else {
        const [kind, name] = args as ['actor' | 'installation', string];
        await graphql(wb.endpoint(), kind === 'actor' ? CREATE_ACTOR : CREATE_INSTALLATION, { input: { name } });
        tell(MessageType.Info, `Sitrep: created the ${kind} “${name}”.`);
      }
      await wb.refresh(true);
    } catch (error) {
      const code = error instanceof GraphQLRequestError && error.code ? ` (${error.code})` : '';
      tell(MessageType.Error, `Sitrep: ${(error as Error).message}${code}`);
    }
  });
}

import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SitrepDatabase } from '@sitrep/db';
import type { ExtractOptions, Extraction } from '@sitrep/extract';
import { SitrepError, decodeUtf8, refuseLongArticle } from '@sitrep/vocabulary';
import type { Command } from 'commander';
import { DATE_OPTION, MAX_ARTICLE_OPTION } from '../options-article';
import { titleFromIndex } from './article-files';
import { forTerminal, jsonForTerminal } from './terminal-text';

/** What a stored entity an extracted one links to is called, by the `known` id: for the summary. */
type KnownNames = Map<string, string>;

function summary(file: string, x: Extraction, known: KnownNames): string {
  const lines = [`${file}`, `  ${x.article.published ?? '?'} ${x.article.dateline ?? ''} — ${x.article.title}`, ''];
  lines.push(`Entities (${x.entities.length})`);
  for (const e of x.entities) {
    const names = [...new Set(e.mentions.map((m) => m.text))].filter((n) => n !== e.name);
    lines.push(
      `  ${e.name} [${e.type}, ${e.subtype.replace(/_/g, ' ')}] ×${e.mentions.length}${names.length ? ` also: ${names.join('; ')}` : ''}` +
        (e.known !== undefined ? ` → known: ${known.get(e.known) ?? e.known}` : ''),
    );
  }
  lines.push('', `Claims (${x.claims.length})`);
  for (const c of x.claims) {
    const who = c.source
      ? `${c.source.text}${c.source.actor ? ` (${c.source.actor})` : ''}${c.source.anonymous ? ', anonymous' : ''}`
      : 'the outlet';
    const marks = [c.stance.replace('_', ' '), c.hedged ? 'hedged' : '', c.event_date ? `on ${c.event_date}` : '']
      .filter(Boolean)
      .join(', ');
    lines.push(`  • ${who} [${marks}]: “${c.quote}”`);
    if (c.about.length) lines.push(`      about ${c.about.join(', ')}`);
  }
  return lines.join('\n');
}

/** Opens an existing database for reading only: extraction never writes, and never makes a new file. */
async function openKnowledgeBase(file: string): Promise<SitrepDatabase> {
  const { openDatabase } = await import('@sitrep/db');
  const path = resolve(file);
  if (!existsSync(path)) throw new SitrepError('BAD_USER_INPUT', `--db ${file}: no such database file.`);
  return openDatabase(path, { readonly: true });
}

export function registerExtract(program: Command): void {
  program
    .command('extract <file>')
    .description(
      'Extract entities and sourced claims from one article (nothing stored): with general knowledge only, or with --db also the names a knowledge base holds.',
    )
    .option('--json', 'print the extraction as JSON', false)
    .option(...MAX_ARTICLE_OPTION)
    .option(...DATE_OPTION)
    .option('--db <file>', 'recognise and link the names this database knows (read only; default: none)')
    .action(async (file: string, options: { json: boolean; db?: string; maxArticleChars: number; date?: string }) => {
      // Loaded here, not at start-up: the language model costs most of a second.
      const { extractArticle } = await import('@sitrep/extract');
      if (statSync(file).isDirectory()) {
        throw new SitrepError(
          'BAD_USER_INPUT',
          `${file} is a folder; give one article file (\`sitrep ingest\` takes folders).`,
        );
      }
      let text: string;
      let extractOptions: ExtractOptions = { file, title: titleFromIndex(file) };
      if (/\.html?$/i.test(file)) {
        // A saved web page: its article and metadata as ingest reads them (the reader loads only for pages).
        const { decodePage, readPageArticle } = await import('@sitrep/ingest');
        const page = namingFile(file, () =>
          readPageArticle({ name: file, html: decodePage(readFileSync(file), null, file) }),
        );
        text = page.text;
        extractOptions = {
          file,
          title: page.title ?? extractOptions.title ?? null,
          published: page.publishedAt ?? null,
        };
      } else {
        // A note as ingest reads it: Markdown front matter (title, date, outlet) and the same refusal
        // of an undated text, so `extract` shows what `ingest` would store.
        const { readArticleFile } = await import('@sitrep/ingest');
        const note = namingFile(file, () =>
          readArticleFile(file, decodeUtf8(readFileSync(file), file), { date: options.date }),
        );
        text = note.text;
        extractOptions = {
          file,
          title: note.title ?? extractOptions.title ?? null,
          published: note.publishedAt ?? null,
        };
      }
      refuseLongArticle(text, options.maxArticleChars, '--max-article-chars', file);
      if (!options.db) {
        const extraction = extractArticle(text, extractOptions);
        console.log(options.json ? jsonForTerminal(extraction) : forTerminal(summary(file, extraction, new Map())));
        return;
      }
      const { findStoredEntity, knowledgeOf } = await import('@sitrep/ingest');
      const db = await openKnowledgeBase(options.db);
      try {
        const knowledge = knowledgeOf(db);
        const extraction = extractArticle(text, { ...extractOptions, knowledge });
        // What ingest would link each entity to, whether the extractor or a look-up found it.
        const known: KnownNames = new Map();
        for (const entity of extraction.entities) {
          const stored = findStoredEntity(db, entity, knowledge);
          if (!stored) continue;
          entity.known = String(stored.id);
          known.set(entity.known, stored.name);
        }
        console.log(options.json ? jsonForTerminal(extraction) : forTerminal(summary(file, extraction, known)));
      } finally {
        db.close();
      }
    });
}

/** `read`, with a refusal that does not name `file` named by it: a failure is one line naming the file. */
function namingFile<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof SitrepError && !error.message.startsWith(`${file}:`)) {
      throw new SitrepError(error.code, `${file}: ${error.message}`, error.details);
    }
    throw error;
  }
}

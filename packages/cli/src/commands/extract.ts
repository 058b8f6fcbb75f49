import { readFileSync } from 'node:fs';
import type { Extraction } from '@sitrep/extract';
import type { Command } from 'commander';
import { titleFromIndex } from './article-files';

function summary(file: string, x: Extraction): string {
  const lines = [`${file}`, `  ${x.article.published ?? '?'} ${x.article.dateline ?? ''} — ${x.article.title}`, ''];
  lines.push(`Entities (${x.entities.length})`);
  for (const e of x.entities) {
    const names = [...new Set(e.mentions.map((m) => m.text))].filter((n) => n !== e.name);
    lines.push(
      `  ${e.name} [${e.type}, ${e.subtype.replace(/_/g, ' ')}] ×${e.mentions.length}${names.length ? ` also: ${names.join('; ')}` : ''}`,
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

export function registerExtract(program: Command): void {
  program
    .command('extract <file>')
    .description('Extract entities and sourced claims from one article, with general knowledge only.')
    .option('--json', 'print the extraction as JSON', false)
    .action(async (file: string, options: { json: boolean }) => {
      // Loaded here, not at start-up: the language model costs most of a second.
      const { extractArticle } = await import('@sitrep/extract');
      const text = readFileSync(file, 'utf8');
      const extraction = extractArticle(text, { file, title: titleFromIndex(file) });
      console.log(options.json ? JSON.stringify(extraction, null, 2) : summary(file, extraction));
    });
}

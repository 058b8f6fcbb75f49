import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './cli';

/** The fenced code blocks of README.md in LANGUAGE (```sh, ```graphql, …), in order; with `matching`, only those it matches. */
export function readmeBlocks(language: string, matching?: RegExp): string[] {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)]
    .filter(([, lang]) => lang === language)
    .map(([, , body]) => body!.trimEnd());
  return matching ? blocks.filter((block) => matching.test(block)) : blocks;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './cli';

/** A fenced code block of README.md: its language (after the opening fence), its text, where it starts. */
export interface ReadmeBlock {
  lang: string;
  text: string;
  /** 1-based line of the opening fence, to name the block in a failure. */
  line: number;
}

/** Every fenced block of README.md, in order. */
export function readmeBlocks(): ReadmeBlock[] {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(/^```([^\n`]*)\n([\s\S]*?)^```[ \t]*$/gm)].map((match) => ({
    lang: match[1]!.trim(),
    text: match[2]!,
    line: readme.slice(0, match.index).split('\n').length,
  }));
}

import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The outlet's title for an article file, from an `index.json` beside it, if there is one. */
export function titleFromIndex(file: string): string | null {
  const index = join(dirname(file), 'index.json');
  if (!existsSync(index)) return null;
  try {
    const entries = JSON.parse(readFileSync(index, 'utf8')) as Array<{ file?: string; title?: string | null }>;
    return entries.find((e) => e.file === basename(file))?.title ?? null;
  } catch {
    return null;
  }
}

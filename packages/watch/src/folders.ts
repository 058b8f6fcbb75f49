import { readdirSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { watch } from 'chokidar';
import { isArticleFile } from '@sitrep/ingest';

/** Why a file is to be read: there when watching began, new since, or written again. */
export type FileEvent = 'found' | 'new' | 'changed';

export interface FolderWatch {
  close(): Promise<void>;
}

export interface FolderHandlers {
  file(path: string, event: FileEvent): void;
  removed(path: string): void;
  error(error: unknown): void;
}

/**
 * Watches folders and their subfolders for article files (.txt, .md, .html), resolving once the
 * files already there have been reported as `found` (a file written meanwhile may be reported
 * twice: the caller keeps one). A file is reported once it has stopped
 * growing for `settleMs`: an editor or a download writes in pieces, and half a note is not an
 * article. Hidden files and folders (`.git`, editor swap files) are passed over.
 */
export async function watchFolders(
  folders: readonly string[],
  settleMs: number,
  on: FolderHandlers,
): Promise<FolderWatch> {
  // chokidar given nothing never says it is ready: a watch of feeds alone has no folder watcher.
  if (folders.length === 0) return { close: async () => undefined };
  const watcher = watch([...folders], {
    ignored: (path) => basename(path).startsWith('.'),
    // The files already there are listed below, once the watch is set up, so none falls between.
    ignoreInitial: true,
    awaitWriteFinish: { stabilityThreshold: settleMs, pollInterval: Math.min(100, settleMs) },
    // An editor's save by rename is one change, not a removal and an addition.
    atomic: true,
  });
  const wanted = (path: string) => isArticleFile(path) && !path.endsWith('~');
  watcher.on('add', (path) => wanted(path) && on.file(path, 'new'));
  watcher.on('change', (path) => wanted(path) && on.file(path, 'changed'));
  watcher.on('unlink', (path) => wanted(path) && on.removed(path));
  watcher.on('error', on.error);
  await new Promise<void>((resolve) => watcher.once('ready', resolve));
  for (const folder of folders) {
    const files = readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
    for (const path of files) {
      const hidden = relative(folder, path)
        .split(sep)
        .some((part) => part.startsWith('.'));
      if (wanted(path) && !hidden) on.file(path, 'found');
    }
  }
  return { close: () => watcher.close() };
}

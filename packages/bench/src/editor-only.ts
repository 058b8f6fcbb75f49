import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BuildFigures, buildDatabase } from './build-database';
import { startChildServer } from './child-process';
import { type EditorHoverFigures, measureEditorHover } from './editor-hover';
import { Random } from './random';
import { editorRows } from './report';
import { Resources } from './resources';
import type { RunOptions } from './run-bench';
import { SHIPPED } from './server-variants';
import { planWorkload } from './workload';

export interface EditorOnlyResult {
  scale: RunOptions['scale'];
  build: BuildFigures;
  editor: EditorHoverFigures;
  loadAverage: { start: number; end: number };
  seconds: number;
}

/**
 * `pnpm bench --editor-only`: the same database and server as a full run, but only the language
 * server's figures (hover, tokens, completion, definition), so the editor can be measured at large
 * scale in minutes instead of the full run's hour.
 */
export async function runEditorOnly(options: RunOptions, resources = new Resources()): Promise<EditorOnlyResult> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const loadAtStart = loadavg()[0]!;
  try {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
    resources.add(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'bench.db');
    log(`building ${options.scale.claims.toLocaleString('en')} claims (--writer ${options.writer ?? 'api'})…`);
    const built = await buildDatabase({
      file,
      scale: options.scale,
      seed: options.seed,
      writer: options.writer ?? 'api',
      signal: options.signal,
    });
    log(`  built in ${built.figures.seconds.toFixed(1)} s`);
    const workload = planWorkload(built.plan, new Random(options.seed).fork(11), options.scale.lspHovers);
    const server = await startChildServer('server-child.ts', [file, SHIPPED]);
    resources.add(() => server.stop());
    log(`editor: hovering ${workload.editorNames.length} names through the language server…`);
    const editor = await measureEditorHover(server.url, workload.editorNames, (stop) => resources.add(stop));
    return {
      scale: options.scale,
      build: built.figures,
      editor,
      loadAverage: { start: loadAtStart, end: loadavg()[0]! },
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await resources.dispose();
  }
}

export function renderEditorOnly(r: EditorOnlyResult): string {
  return [
    `## Sitrep bench: the editor alone, ${r.scale.name} scale`,
    '',
    `${r.build.claims.toLocaleString('en')} claims, ${r.build.entities.toLocaleString('en')} entities; ${cpus().length} CPUs; load average ${r.loadAverage.start.toFixed(1)} at the start, ${r.loadAverage.end.toFixed(1)} at the end; ${Math.round(r.seconds)} s in all.`,
    '',
    '| measurement | figure |',
    '|---|---|',
    ...editorRows(r.editor),
    '',
  ].join('\n');
}

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** What users run is compiled: the `sitrep` command and the language server. Tests run those, built from the current sources. */
const BUILT = ['packages/cli', 'packages/language-server'];

export default function buildWhatUsersRun(): void {
  for (const folder of BUILT) {
    const cwd = fileURLToPath(new URL(`../${folder}/`, import.meta.url));
    const result = spawnSync(process.execPath, ['build.mjs'], { cwd, encoding: 'utf8' });
    if (result.status !== 0)
      throw new Error(`${folder}/build.mjs failed (${result.status}):\n${result.stdout}${result.stderr}`);
  }
}

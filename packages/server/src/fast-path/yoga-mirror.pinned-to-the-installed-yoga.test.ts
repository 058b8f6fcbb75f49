import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { MIRRORED_VERSIONS } from './yoga-mirror';

const require = createRequire(import.meta.url);
const versionAt = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;

describe('the rules the fast path mirrors from Yoga', () => {
  it('were read against the installed graphql-yoga and its node adapter', () => {
    const yoga = require.resolve('graphql-yoga/package.json');
    // The adapter Yoga itself loads, whichever version the workspace has elsewhere.
    const adapter = createRequire(yoga).resolve('@whatwg-node/server/package.json');
    const installed = { 'graphql-yoga': versionAt(yoga), '@whatwg-node/server': versionAt(adapter) };
    expect(
      installed,
      'Yoga was upgraded: re-read every rule in fast-path/yoga-mirror.ts against the new code, run ' +
        'test/api/fast-path.answers-like-yoga.test.ts, then update MIRRORED_VERSIONS.',
    ).toEqual(MIRRORED_VERSIONS);
  });
});

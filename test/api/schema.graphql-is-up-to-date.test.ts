import { readFileSync } from 'node:fs';
import { SCHEMA_FILE, printedSchema } from '@sitrep/server';
import { describe, expect, it } from 'vitest';

describe('schema.graphql', () => {
  it('matches the schema the code builds (run `pnpm schema:print` after changing it)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printedSchema());
  });
});

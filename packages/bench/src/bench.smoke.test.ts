import { existsSync } from 'node:fs';
import { postgresDatabase } from '@sitrep/test';
import { describe, expect, it } from 'vitest';
import { checkTargets, renderMarkdown } from './report';
import { runBench } from './run-bench';
import { DEFAULT_SEED, SCALES } from './scales';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const postgresUrl = await postgresDatabase('the bench on PostgreSQL');

// The small scale end to end with very short loads: the benchmark works, every GraphQL server and
// the baseline agree, and it leaves nothing behind. No timing is asserted: this machine is shared.
describe('pnpm bench --scale small', () => {
  it('builds, agrees, loads both servers, reports every figure and cleans up', { timeout: 300_000 }, async () => {
    const result = await runBench({
      scale: { ...SCALES.small, loadSeconds: 0.5, searchSeconds: 0.3, ingestSeconds: 0.3, lspHovers: 10 },
      seed: DEFAULT_SEED,
      scanNames: 5_000,
      scanBytes: 64 * 1024,
      scanRuns: 1,
      extraction: { sizes: [20_000, 80_000], runs: 1 },
      // The server on a PostgreSQL copy too, as `pnpm bench --db postgres://…` loads it.
      ...(postgresUrl && { postgresUrl }),
    });

    expect(result.build).toMatchObject({ claims: 10_000, articles: 500, entities: 2_000, aliases: 6_000 });
    expect(result.build.topEntity).toBe('Russia');
    // checkAgreement throws on any difference; it also saw real claims, not only empty answers.
    expect(result.agreement.withClaims).toBeGreaterThan(5);
    expect(result.agreement.withStatements).toBeGreaterThan(5);
    expect(result.agreement.withContested).toBeGreaterThan(0);
    expect(result.build.statements.contested).toBeGreaterThan(0);
    const variants = [...result.hover.variants, ...result.list.variants];
    const loaded = postgresUrl ? ['yoga-jit', 'yoga', 'postgres'] : ['yoga-jit', 'yoga'];
    expect(variants.map((v) => v.variant)).toEqual([...loaded, ...loaded]);
    for (const side of [
      result.hover.graphql,
      result.hover.baseline,
      result.list.graphql,
      result.list.baseline,
      ...variants.map((v) => v.figures),
    ]) {
      expect(side.requests).toBeGreaterThan(0);
      expect(side.errors).toBe(0);
    }
    expect(result.subscriber.with.requests).toBeGreaterThan(0);
    expect(result.subscriber.with.errors).toBe(0);
    expect(result.subscriber.without.requests).toBeGreaterThan(0);
    expect(result.search.common.requests).toBeGreaterThan(0);
    expect(result.search.rare.requests).toBeGreaterThan(0);
    expect(result.editor.answered).toBeGreaterThan(0);
    expect(result.nameScan.matches).toBeGreaterThan(0);
    // The same ingest into the PostgreSQL copy, where one was given (and the corpus is there).
    if (postgresUrl && 'ingested' in result.ingest) expect(result.ingestPostgres?.ingested).toBeGreaterThan(0);
    else expect(result.ingestPostgres).toBeNull();
    // One API process on PostgreSQL, then two on the same database.
    if (postgresUrl) {
      expect(result.scaleOut!.one.requests).toBeGreaterThan(0);
      expect(result.scaleOut!.two.requests).toBeGreaterThan(0);
      expect(result.scaleOut!.two.errors).toBe(0);
    } else expect(result.scaleOut).toBeNull();
    if (process.platform === 'linux') expect(result.memory.serverPeakRssBytes).toBeGreaterThan(0);
    expect(result.extraction.shapes.map((s) => s.key)).toEqual([
      'prose',
      'commas',
      'bare',
      'names',
      'contrasts',
      'word',
      'lines',
    ]);
    for (const shape of result.extraction.shapes) {
      expect(shape.large.bytes).toBeGreaterThan(3 * shape.small.bytes);
      expect(shape.large.mbPerSecond).toBeGreaterThan(0);
      expect(shape.linearity).toBeGreaterThan(0);
    }

    expect(result.extraction.page.pageBytes).toBeGreaterThanOrEqual(190_000);
    expect(result.extraction.page.articleChars).toBeGreaterThan(10_000);
    expect(result.extraction.page.cpuSeconds).toBeGreaterThan(0);

    const markdown = renderMarkdown(result, checkTargets(result));
    expect(markdown).toContain('| hover | ratio |');
    expect(markdown).toMatch(/\| hover, a subscription open \| ratio \| \d+\.\d+× \|/);
    expect(markdown).toContain('| list of 50 | GraphQL (Yoga + @envelop/graphql-jit) |');
    if (postgresUrl) {
      expect(markdown).toContain('| hover | GraphQL on PostgreSQL (Yoga + fast path) |');
      expect(markdown).toMatch(/\| list req\/s on PostgreSQL vs baseline \| [\d.]+ × \|/);
    }
    expect(markdown).toMatch(/\| build \| [\d,]+ claims\/s/);
    expect(markdown).toContain('## Extraction throughput');
    expect(markdown).toMatch(/\| extraction linearity, worst shape: \w+/);
    expect(markdown).toMatch(/\| reading a saved page of \d+ KB to its article \(CPU\) \| [\d.]+ ms/);
    expect(markdown).toMatch(/Reading a saved web page \(median of \d+\): 0\.2\d MB of HTML/);
    expect(alive(result.processes.server)).toBe(false);
    expect(alive(result.processes.baseline)).toBe(false);
    for (const pid of result.processes.variants) expect(alive(pid)).toBe(false);
    expect(existsSync(result.databaseFile)).toBe(false);
  });
});

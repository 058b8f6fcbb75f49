/**
 * A small seeded generator (sfc32): the same seed gives the same database on every machine,
 * so two runs of the benchmark measure the same data.
 */
export declare class Random {
    private a;
    private b;
    private c;
    private d;
    constructor(seed: number);
    /** A float in [0, 1). */
    next(): number;
    /** An integer in [0, n). */
    int(n: number): number;
    /** True with probability p. */
    chance(p: number): boolean;
    pick<T>(items: readonly T[]): T;
    /** A new generator whose stream does not depend on how much of this one was used later. */
    fork(salt: number): Random;
}
/**
 * Draws ranks 0..n-1 with probability proportional to 1 / (rank + 1)^s: a few items (Russia,
 * Syria) take a large share of the draws and most are rare, as names do in the news.
 */
export declare class Zipf {
    readonly n: number;
    readonly s: number;
    private readonly cdf;
    constructor(n: number, s: number);
    /** The share of all draws that rank `k` gets. */
    share(k: number): number;
    sample(random: Random): number;
}

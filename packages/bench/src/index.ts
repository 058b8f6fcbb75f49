export { runBench, type BenchResult, type RunOptions, type Comparison } from './run-bench';
export { checkTargets, renderMarkdown, type TargetCheck } from './report';
export { SCALES, SCALE_NAMES, DEFAULT_SEED, type Scale, type ScaleName } from './scales';
export { Resources } from './resources';

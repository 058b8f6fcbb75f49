export { watchSources, type WatchOptions, type WatchTally } from './watch';
export { parseInterval } from './interval';

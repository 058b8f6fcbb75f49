export { seedDemo, isEmpty, type SeedSummary } from './seed';
export { demoEntities } from './entities';
export { demoReports } from './reports';
export { findNames } from './find-names';
export type * from './types';

export * from './entities';
export * from './claims';
export * from './access';
export * from './graphql-names';
export * from './errors';
export * from './text';
export * from './grading';
export * from './hover-query';

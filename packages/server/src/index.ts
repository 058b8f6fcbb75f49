export { createSitrepYoga, GRAPHQL_PATH, type ServerPlugin, type SitrepYoga, type SitrepYogaOptions } from './yoga';
export { startServer, type RunningServer, type ServeOptions } from './server';
export { schema } from './schema';
export { DEFAULT_LIMITS, DEFAULT_SERVER_LIMITS, type QueryLimits, type ServerLimits } from './limits';
export { RETRY_AFTER_SECONDS, type CapacityStats } from './capacity';
export { HOVER_QUERY } from './default-query';
export { MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from './pagination';
export { printedSchema, SCHEMA_FILE } from './print-schema';
export { CSRF_HEADERS } from './browser-guards';

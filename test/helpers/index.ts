export * from './server';
export * from './cli';
export * from './corpus';
export * from './lsp';
export * from './served-twice';
export * from './readme';
export * from './sse';
export * from './stored-articles';

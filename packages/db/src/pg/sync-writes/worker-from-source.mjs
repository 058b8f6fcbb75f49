// The writer thread run from its TypeScript source (tests, `tsx` runs): a worker does not inherit
// the parent's loader, so it registers tsx itself. The built command runs its compiled copy,
// pg-writer.mjs, instead.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');

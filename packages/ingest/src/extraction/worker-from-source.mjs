// The extraction thread run from its TypeScript source (tests, `tsx` runs): a worker does not
// inherit the parent's loader, so it registers tsx itself. The built command runs its compiled
// copy, extract-worker.mjs, instead.
import { register } from 'tsx/esm/api';

register();
const { default: extractInThread } = await import('./worker.ts');
export default extractInThread;

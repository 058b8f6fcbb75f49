// Only imports: each type file registers its type, queries and mutations with the builder.
import './enums';
import './filters';
import './entity';
import './actor';
import './installation';
import './article';
import './mention';
import './claim';
import './statement';
import './statement-curation';
import './search';
import './dictionary';
import './subscription';
import { builder } from '../builder';
import { retryMutationsOnBusy } from '../write-retry';

// Every mutation waits for a write lock another process holds without blocking reads (write-retry.ts).
export const schema = retryMutationsOnBusy(builder.toSchema({ sortSchema: false }));

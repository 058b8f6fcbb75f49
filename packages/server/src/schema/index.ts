// Only imports: each type file registers its type, queries and mutations with the builder.
import './enums';
import './filters';
import './entity';
import './actor';
import './installation';
import './article';
import './mention';
import './claim';
import './search';
import './dictionary';
import { builder } from '../builder';

export const schema = builder.toSchema({ sortSchema: false });

import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';
import type { Context } from './context';
import { decodeGlobalId, encodeGlobalId } from './global-id';

export const builder = new SchemaBuilder<{
  Context: Context;
  Scalars: {
    Date: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date | string };
  };
  /** Every connection carries a lazy total, so the COUNT runs only when a client asks for it. */
  Connection: { totalCount: () => number };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  DefaultInputFieldRequiredness: false;
}>({
  plugins: [RelayPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'optional',
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    encodeGlobalID: encodeGlobalId,
    decodeGlobalID: decodeGlobalId,
  },
});

builder.addScalarType('Date', LocalDateResolver, {
  description: 'A calendar date, `YYYY-MM-DD`.',
});
builder.addScalarType('DateTime', DateTimeResolver, {});

builder.queryType({});
builder.mutationType({});

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    description: 'How many items the whole list holds, across all pages.',
    resolve: (connection) => connection.totalCount(),
  }),
);

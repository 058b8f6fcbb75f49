import { useGraphQlJit } from '@envelop/graphql-jit';
import type { ServeOptions } from '@sitrep/server';

/**
 * Ways of serving the same schema over the same database, loaded side by side: the server as
 * shipped (Yoga with its fast path in front), Yoga with @envelop/graphql-jit as its executor, and
 * Yoga alone (graphql-js). Only the first is what `sitrep serve` runs.
 */
export const SERVER_VARIANTS = ['fast-path', 'yoga-jit', 'yoga'] as const;
export type ServerVariant = (typeof SERVER_VARIANTS)[number];

export const SHIPPED: ServerVariant = 'fast-path';

export const VARIANT_LABELS: Record<ServerVariant, string> = {
  'fast-path': 'GraphQL (Yoga + fast path, shipped)',
  'yoga-jit': 'GraphQL (Yoga + @envelop/graphql-jit)',
  yoga: 'GraphQL (Yoga alone, graphql-js)',
};

/** startServer's options for `variant` (beside the database, host and port). */
export function variantOptions(variant: ServerVariant): Partial<ServeOptions> {
  switch (variant) {
    case 'fast-path':
      return {};
    case 'yoga-jit':
      return { fastPath: false, plugins: [useGraphQlJit()] };
    case 'yoga':
      return { fastPath: false };
  }
}

export const isServerVariant = (name: string): name is ServerVariant =>
  (SERVER_VARIANTS as readonly string[]).includes(name);

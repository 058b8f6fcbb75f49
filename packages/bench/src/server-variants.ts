import { useGraphQlJit } from '@envelop/graphql-jit';
import type { ServeOptions } from '@sitrep/server';

/**
 * Ways of serving the same schema over the same database, loaded side by side: the server as
 * shipped (Yoga with its fast path in front), Yoga with @envelop/graphql-jit as its executor, and
 * Yoga alone (graphql-js); on request, the shipped server with one envelop plugin added, which
 * makes the fast path run envelop's phases through Yoga; and with `--db postgres://…`, the shipped
 * server over a PostgreSQL copy of the database (`sitrep serve --db postgres://…`). The first is
 * what `sitrep serve` runs on a SQLite file.
 */
export const SERVER_VARIANTS = ['fast-path', 'yoga-jit', 'yoga', 'fast-path-plugin', 'postgres'] as const;
export type ServerVariant = (typeof SERVER_VARIANTS)[number];

export const SHIPPED: ServerVariant = 'fast-path';

/** The variants compared with the shipped server unless --variants says otherwise. */
export const DEFAULT_VARIANTS: readonly ServerVariant[] = ['yoga-jit', 'yoga'];

export const VARIANT_LABELS: Record<ServerVariant, string> = {
  'fast-path': 'GraphQL (Yoga + fast path, shipped)',
  'yoga-jit': 'GraphQL (Yoga + @envelop/graphql-jit)',
  yoga: 'GraphQL (Yoga alone, graphql-js)',
  'fast-path-plugin': 'GraphQL (Yoga + fast path, one envelop plugin added)',
  postgres: 'GraphQL on PostgreSQL (Yoga + fast path)',
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
    case 'fast-path-plugin':
      // Looks at every execution and changes nothing: what covering plugins costs the fast path.
      return { plugins: [{ onExecute: () => {} }] };
    case 'postgres':
      // As shipped: server-child.ts gives it the PostgreSQL store (the fast path, each read its own statement).
      return {};
  }
}

export const isServerVariant = (name: string): name is ServerVariant =>
  (SERVER_VARIANTS as readonly string[]).includes(name);

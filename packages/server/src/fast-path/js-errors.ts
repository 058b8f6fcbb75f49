import { type ASTNode, type DocumentNode, GraphQLError, getLocation, visit } from 'graphql';

const at = (line: number, column: number) => `${line}:${column}`;

/**
 * graphql-jit's errors look like graphql-js's but are not built the same way: they carry
 * `locations` and no `nodes`, `source` or `positions`. Yoga rebuilds every error it serialises
 * from those (result-processor/stringify.js, utils/mask-error.js), and so does Sitrep's own
 * error plugin, so the locations would be lost. This rebuilds them as graphql-js's located
 * errors are built: from the document's nodes at those locations, keeping path and original error.
 */
export function jsErrorsFor(document: DocumentNode): (errors: readonly GraphQLError[]) => GraphQLError[] {
  const source = document.loc?.source;
  const nodesAt = new Map<string, ASTNode>();
  if (source) {
    visit(document, {
      enter(node) {
        if (!node.loc) return;
        const { line, column } = getLocation(source, node.loc.start);
        // A field and its name start at the same place: the field, entered first, is the one.
        if (!nodesAt.has(at(line, column))) nodesAt.set(at(line, column), node);
      },
    });
  }
  return (errors) =>
    errors.map((error) => {
      const nodes = error.locations?.map(({ line, column }) => nodesAt.get(at(line, column)));
      if (!nodes?.length || nodes.some((node) => node === undefined)) return error;
      return new GraphQLError(error.message, {
        nodes: nodes as ASTNode[],
        path: error.path,
        originalError: error.originalError ?? undefined,
      });
    });
}

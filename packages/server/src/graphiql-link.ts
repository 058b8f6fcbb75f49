/** Longest `variables` a link may carry into the page: a hover's are a hundred characters. */
const MAX_LINK_VARIABLES_CHARS = 10_000;

/**
 * The variables a link such as the editor's "Open in GraphiQL" (`?query=…&variables=…`) asks
 * for, as JSON text GraphiQL can show, or undefined when there are none or they are not a JSON
 * object. Yoga's GraphiQL reads `query` from the address itself but `variables` only from the
 * options the server writes into the page, and writes those into a <script> as they are: so
 * `<`, `>`, `&` and the two JavaScript line separators are written as \u escapes, which mean the
 * same inside JSON strings (the only place JSON allows them) and cannot end the script.
 */
export function linkVariables(url: URL): string | undefined {
  const text = url.searchParams.get('variables');
  if (text == null || !url.searchParams.has('query') || text.length > MAX_LINK_VARIABLES_CHARS) return undefined;
  let variables: unknown;
  try {
    variables = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (variables === null || typeof variables !== 'object' || Array.isArray(variables)) return undefined;
  return JSON.stringify(variables, null, 2).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The editor's hover question, as the language server asks it and GraphiQL opens with it: one request per name. */
export { HOVER_QUERY } from '@sitrep/vocabulary';

/** A page of 50 claims with their articles, sources and the entities they are about. */
export const LIST_QUERY = `query List($to: Date!) {
  claims(first: 50, filter: { to: $to }) {
    edges {
      node {
        id
        quote
        stance
        hedged
        saidOn
        source { text actor { name } }
        article { title outlet publishedAt }
        about { role entity { name } }
      }
    }
  }
}`;

/** Full-text search as the README shows it, with the total. */
export const SEARCH_QUERY = `query Search($q: String!) {
  search(query: $q, first: 10) {
    totalCount
    edges {
      node {
        snippet
        score
        ... on ArticleSearchHit { article { title } }
        ... on ClaimSearchHit { claim { quote } }
      }
    }
  }
}`;

export const graphqlBody = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });

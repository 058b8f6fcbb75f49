// GraphiQL's first tab is the editor's hover question: HOVER_QUERY, in @sitrep/vocabulary.

/** GraphiQL's second tab: changes pushed as they are committed (Server-Sent Events). */
export const CHANGES_SUBSCRIPTION = `# Sitrep: what is added, as it is committed.
# Press ▶ and leave it running, then ingest an
# article (a mutation, or \`sitrep ingest\` in a
# terminal): each commit arrives within a second.
subscription WatchChanges {
  knowledgeChanged {
    at
    newClaims
    edited
    articles { title outlet publishedAt }
    entities { name }
  }
}
`;

/** What GraphiQL opens with: the editor's hover question, for Hmeimim. */
export const HOVER_QUERY = `# Sitrep: what is known about an entity, in one request.
# Any name works: try "Khmeimim", "TARTOUS", "al-Golani" or "the Kremlin".
# What is contested comes first, then what is said, each statement with its
# Admiralty grade and the sources behind it; then the latest claims.
query Hover($name: String! = "Hmeimim") {
  entity(name: $name) {
    id
    name
    kind
    aliases
    description
    ... on Installation {
      installationType
      location { place region country latitude longitude }
      operator { name }
      hostCountry { name }
    }
    ... on Actor {
      actorType
      role
      affiliation { name }
    }
    claimStats { claims sources latest }
    contested: statements(first: 3, filter: { contested: true }) {
      totalCount
      edges { node { ...Told } }
    }
    statements(first: 3) {
      totalCount
      edges { node { ...Told } }
    }
    claims(first: 5) {
      totalCount
      edges {
        node {
          quote
          stance
          hedged
          eventDate
          saidOn
          source { text count anonymous actor { name } }
          article { title publishedAt outlet }
        }
      }
    }
  }
}

fragment Told on Statement {
  grade
  credibilityReason
  independentSources
  affirming
  denying
  contested
  conflicts { why }
  claims(first: 2) {
    totalCount
    edges { node { quote stance source { text } article { outlet publishedAt } } }
  }
}
`;

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

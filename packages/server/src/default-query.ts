/** What GraphiQL opens with: the editor's hover question, for Hmeimim. */
export const HOVER_QUERY = `# Sitrep: what is known about an entity, in one request.
# Any name works: try "Khmeimim", "TARTOUS", "al-Golani" or "the Kremlin".
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
`;

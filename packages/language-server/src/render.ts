import { type ClaimFact, type EntityFacts, type StatementFact, plural } from '@sitrep/vocabulary';

// Embeddings, overrides and isolates: in a quote they can make the words read in another order.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * Makes article text inert in Markdown: the characters that start emphasis, code, links, images,
 * tables or HTML are escaped, and colons become `&#58;` so no "http://…" or "command:…" in a
 * quote can turn into a link (VS Code's renderer links bare URLs). Renderers autolink e-mail
 * addresses (marked, markdown-it) and bare domains (markdown-it's linkify), so `@` and a full stop
 * between letters or digits become entities too: they render as themselves, but a linkifier sees
 * no address. Bidi controls are dropped, so a quote reads in the order it was written. Text stays
 * on one line, so line-start syntax (headings, lists) cannot arise.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(BIDI_CONTROLS, '')
    .replace(/&/g, '&amp;')
    .replace(/[\\`*_[\]()|~>]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/:/g, '&#58;')
    .replace(/@/g, '&#64;')
    .replace(/(?<=[\p{L}\p{N}])\.(?=[\p{L}\p{N}])/gu, '&#46;')
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}&#46;`)
    .replace(/\s+/g, ' ')
    .trim();
}

/** A quote cut at a word near `max` characters, with an ellipsis. */
export function shorten(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6)).replace(/[,;:.\s]+$/, '')}…`;
}

const STANCE: Record<ClaimFact['stance'], string> = {
  AFFIRMS: 'affirms',
  DENIES: '**denies**',
  NO_COMMENT: 'no comment',
};

/** "four Syrian officials (Syria)", "Dmitry Peskov (Kremlin)", or "the outlet" for the article's own voice. */
const wholeWordIn = (word: string, text: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu').test(text);

export function sourceInWords(claim: ClaimFact): string {
  if (!claim.source) return `${escapeMarkdown(claim.article.outlet ?? 'the outlet')} (own reporting)`;
  const text = escapeMarkdown(claim.source.text);
  const actor = claim.source.actor?.name;
  // "Dmitry Peskov" needs no "(Dmitry Peskov)"; "four Syrian officials" still gets "(Syria)".
  const named = actor !== undefined && wholeWordIn(actor, claim.source.text);
  return actor && !named ? `${text} (${escapeMarkdown(actor)})` : text;
}

/** Builds the link from a claim to its quote in its article, where the editor can open one. */
export type EvidenceLink = (claim: ClaimFact) => string;

export function claimLine(claim: ClaimFact, quoteLength = 160, evidence?: EvidenceLink): string {
  const marks = [STANCE[claim.stance], claim.hedged ? '*hedged*' : null].filter(Boolean).join(', ');
  const when =
    claim.eventDate && claim.eventDate !== claim.saidOn ? `${claim.saidOn} (event ${claim.eventDate})` : claim.saidOn;
  const title = `*${escapeMarkdown(claim.article.title)}*`;
  const article = evidence ? `[${title}](${evidence(claim)})` : title;
  return `- ${when} · ${marks} · ${sourceInWords(claim)}: “${escapeMarkdown(shorten(claim.quote, quoteLength))}” — ${article}, ${claim.article.publishedAt}`;
}

/** "**B2** · 3 independent sources · 1 says otherwise · *contested*", then its latest quotes with their sources. */
export function statementLines(statement: StatementFact, quoteLength = 160, evidence?: EvidenceLink): string[] {
  const backing = [
    `**${escapeMarkdown(statement.grade)}**`,
    plural(statement.independentSources, 'independent source'),
    statement.denying > 0 ? `${statement.denying} ${statement.denying === 1 ? 'says' : 'say'} otherwise` : null,
    statement.contested ? '*contested*' : null,
  ].filter(Boolean);
  const more = statement.claims.totalCount - statement.claims.edges.length;
  return [
    `- ${backing.join(' · ')} — ${escapeMarkdown(statement.credibilityReason)}`,
    ...statement.claims.edges.map(({ node }) => `  ${claimLine(node, quoteLength, evidence)}`),
    ...(more > 0 ? [`  - *and ${plural(more, 'more telling')}*`] : []),
    ...statement.conflicts.slice(0, 1).map((c) => `  - ⚠ ${escapeMarkdown(c.why)}`),
  ];
}

/** The contested statements first, then the latest others, `max` in all, each once. */
function leadingStatements(f: EntityFacts, max: number): StatementFact[] {
  const seen = new Set<string>();
  return [...f.contested.edges, ...f.statements.edges]
    .map((e) => e.node)
    .filter((s) => !seen.has(s.id) && seen.add(s.id))
    .slice(0, max);
}

export interface RenderOptions {
  /** A `command:` URI that shows every claim; only this command is trusted in hovers. */
  showAllLink?: string | null;
  /** GraphiQL on the configured server, opened on this entity. */
  graphiqlLink?: string | null;
  /** Links each quote's article title to the quote in the article. */
  evidenceLink?: EvidenceLink;
}

function headline(f: EntityFacts): string {
  const type = f.kind === 'INSTALLATION' ? (f.installationType ?? 'installation') : (f.actorType ?? 'actor');
  return `**${escapeMarkdown(f.name)}** · ${escapeMarkdown(type)}`;
}

function placeLine(f: EntityFacts): string | null {
  if (f.kind === 'INSTALLATION') {
    const where = [f.location?.place, f.location?.region, f.location?.country].filter(Boolean).join(', ');
    const lat = f.location?.latitude;
    const lon = f.location?.longitude;
    const coords = lat != null && lon != null ? ` (${lat.toFixed(4)}, ${lon.toFixed(4)})` : '';
    const operator = f.operator ? ` · operated by ${escapeMarkdown(f.operator.name)}` : '';
    const host = f.hostCountry ? ` · in ${escapeMarkdown(f.hostCountry.name)}` : '';
    const line = `${escapeMarkdown(where)}${coords}${operator}${host}`.replace(/^ · /, '');
    return line ? `📍 ${line}` : null;
  }
  const parts = [
    f.role ? escapeMarkdown(f.role) : null,
    f.affiliation ? `part of ${escapeMarkdown(f.affiliation.name)}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}

function claimCount(f: EntityFacts): string {
  const { claims, sources, latest } = f.claimStats;
  return claims === 0
    ? 'No claims yet.'
    : `**${plural(claims, 'claim')}** from ${plural(sources, 'source')}, latest ${latest}`;
}

/** One paragraph for a completion's documentation: what it is, where, and how much is said of it. */
export function renderSummary(f: EntityFacts): string {
  const contested = f.contested.totalCount > 0 ? ` · **${f.contested.totalCount} contested**` : '';
  return [headline(f), placeLine(f), `${claimCount(f)}${contested}`].filter(Boolean).join('\n\n');
}

// Whether a person stands behind the entity; a confirmed one needs no word.
const REVIEW: Record<EntityFacts['reviewStatus'], string | null> = {
  CANDIDATE: '*Candidate: created by ingestion, not yet confirmed by a curator.*',
  CONFIRMED: null,
  REJECTED: '*Rejected by a curator: not a real actor or installation.*',
};

/**
 * The hover for an entity: who or what it is, whether a curator stands behind it, where, other
 * names, the numbers, then what is said of it as statements, contested ones first, each with its
 * grade and backing and then its quotes with their sources. `maxClaims` counts statements.
 */
export function renderHover(f: EntityFacts, maxClaims: number, options: RenderOptions = {}): string {
  const lines = [headline(f)];
  const review = REVIEW[f.reviewStatus];
  if (review) lines.push(review);
  const place = placeLine(f);
  if (place) lines.push(place);
  if (f.description) lines.push(`*${escapeMarkdown(f.description)}*`);
  const others = f.aliases.filter((a) => a !== f.name);
  if (others.length) lines.push(`Also: ${others.map(escapeMarkdown).join(', ')}`);
  const { claims } = f.claimStats;
  lines.push(claimCount(f));
  const statements = leadingStatements(f, maxClaims);
  if (statements.length) {
    const disputed = f.contested.totalCount;
    lines.push(`**${plural(f.statements.totalCount, 'statement')}**${disputed ? `, ${disputed} contested` : ''}:`);
    lines.push(statements.flatMap((s) => statementLines(s, 160, options.evidenceLink)).join('\n'));
  }
  const links = [
    options.showAllLink ? `[Show all ${claims} claims](${options.showAllLink})` : null,
    options.graphiqlLink ? `[Open in GraphiQL](${options.graphiqlLink})` : null,
  ].filter(Boolean);
  if (links.length) lines.push(links.join(' · '));
  return lines.join('\n\n');
}

/** Every claim about an entity, for the "show all facts" view. */
export function renderAllFacts(f: EntityFacts): string {
  return [
    `# ${escapeMarkdown(f.name)}`,
    renderHover(f, 0).split('\n\n').slice(1).join('\n\n'),
    `## Claims (${f.claims.edges.length} of ${f.claims.totalCount}, newest first)`,
    f.claims.edges.map(({ node }) => claimLine(node, 10_000)).join('\n'),
  ].join('\n\n');
}

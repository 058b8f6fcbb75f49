import { HOVER_FIRST } from '@sitrep/vocabulary';

/** What the server can be told, by initializationOptions or the `sitrep` settings section. */
export interface Settings {
  /** GraphQL endpoint. Default http://localhost:4000/graphql. */
  endpoint: string;
  /** API token, sent as a bearer header. Default none. */
  token: string | null;
  /** Language IDs to hover in; `*` for all. Default plaintext and markdown. */
  languages: string[];
  /** Statements shown in a hover (contested first, then the latest). Default 5. */
  maxClaims: number;
  /** How often the name dictionary is checked for changes, in seconds. Default 300. */
  refreshIntervalSeconds: number;
  /** Mark every known name in a document (semantic tokens), by kind. Default true. */
  markNames: boolean;
  /** The editor runs Sitrep's commands from hover links (`sitrep.openEvidence`): each quote links to its article. Default false; the VS Code extension sets it. */
  commandLinks: boolean;
  /** Offer known names as completions once a word has three letters. Default true. */
  completeNames: boolean;
  /** Offer quick fixes: an unknown spelling as a known entity's name, a selection as a new entity. Default true. */
  quickFixes: boolean;
  /** Note contested and stale names (Information and Hint diagnostics). Default true. */
  diagnostics: boolean;
  /** Days without a new claim after which a name is noted as stale; 0 never. Default 90. */
  staleAfterDays: number;
  /** Longest document, in characters, whose names are marked and outlined. Default 2,000,000. */
  maxDocumentChars: number;
}

export const DEFAULT_ENDPOINT = 'http://localhost:4000/graphql';

const defaults = (): Settings => ({
  endpoint: process.env.SITREP_ENDPOINT || DEFAULT_ENDPOINT,
  token: process.env.SITREP_TOKEN || null,
  languages: ['plaintext', 'markdown'],
  // The hover query's own default, so `pnpm bench` measures the hover an editor asks for.
  maxClaims: HOVER_FIRST,
  refreshIntervalSeconds: 300,
  markNames: true,
  commandLinks: false,
  completeNames: true,
  quickFixes: true,
  diagnostics: true,
  staleAfterDays: 90,
  maxDocumentChars: 2_000_000,
});

function clean(raw: unknown): Partial<Settings> {
  if (!raw || typeof raw !== 'object') return {};
  const r = raw as Record<string, unknown>;
  const out: Partial<Settings> = {};
  if (typeof r.endpoint === 'string' && /^https?:\/\/\S+$/.test(r.endpoint.trim())) out.endpoint = r.endpoint.trim();
  if (typeof r.token === 'string') out.token = r.token.trim() || null;
  if (Array.isArray(r.languages)) out.languages = r.languages.filter((l): l is string => typeof l === 'string');
  if (typeof r.maxClaims === 'number' && r.maxClaims >= 0) out.maxClaims = Math.min(50, Math.floor(r.maxClaims));
  if (typeof r.refreshIntervalSeconds === 'number' && r.refreshIntervalSeconds >= 10) {
    out.refreshIntervalSeconds = Math.floor(r.refreshIntervalSeconds);
  }
  if (typeof r.markNames === 'boolean') out.markNames = r.markNames;
  if (typeof r.commandLinks === 'boolean') out.commandLinks = r.commandLinks;
  if (typeof r.completeNames === 'boolean') out.completeNames = r.completeNames;
  if (typeof r.quickFixes === 'boolean') out.quickFixes = r.quickFixes;
  if (typeof r.diagnostics === 'boolean') out.diagnostics = r.diagnostics;
  if (typeof r.staleAfterDays === 'number' && r.staleAfterDays >= 0) out.staleAfterDays = Math.floor(r.staleAfterDays);
  if (typeof r.maxDocumentChars === 'number' && r.maxDocumentChars >= 0) {
    out.maxDocumentChars = Math.floor(r.maxDocumentChars);
  }
  return out;
}

/** initializationOptions win over the settings section, which wins over $SITREP_ENDPOINT, then the defaults. */
export function resolveSettings(initializationOptions: unknown, section: unknown): Settings {
  return { ...defaults(), ...clean(section), ...clean(initializationOptions) };
}

export const handlesLanguage = (settings: Settings, languageId: string) =>
  settings.languages.includes('*') || settings.languages.includes(languageId);

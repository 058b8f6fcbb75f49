/** How big a generated knowledge base is, and how long each measurement runs at that size. */
export interface Scale {
  name: ScaleName;
  claims: number;
  articles: number;
  entities: number;
  /** Seconds of load per HTTP measurement (hover, list) and per search term class. */
  loadSeconds: number;
  searchSeconds: number;
  /** Seconds spent ingesting and extracting corpus articles. */
  ingestSeconds: number;
  /** Different names hovered through the language server (each once uncached, once cached). */
  lspHovers: number;
  /** The generator gives up after this long, with the rate it reached. */
  buildTimeoutSeconds: number;
}

export const SCALE_NAMES = ['small', 'medium', 'large'] as const;
export type ScaleName = (typeof SCALE_NAMES)[number];

export const SCALES: Record<ScaleName, Scale> = {
  small: {
    name: 'small',
    claims: 10_000,
    articles: 500,
    entities: 2_000,
    loadSeconds: 3,
    searchSeconds: 2,
    ingestSeconds: 3,
    lspHovers: 100,
    buildTimeoutSeconds: 300,
  },
  medium: {
    name: 'medium',
    claims: 100_000,
    articles: 5_000,
    entities: 10_000,
    loadSeconds: 10,
    searchSeconds: 5,
    ingestSeconds: 10,
    lspHovers: 300,
    buildTimeoutSeconds: 1_200,
  },
  large: {
    name: 'large',
    claims: 1_000_000,
    articles: 50_000,
    entities: 20_000,
    loadSeconds: 10,
    searchSeconds: 5,
    ingestSeconds: 10,
    lspHovers: 300,
    buildTimeoutSeconds: 3_600,
  },
};

/** The fixed seed: every run at one scale builds the same database. */
export const DEFAULT_SEED = 20_241_208;

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
export declare const SCALE_NAMES: readonly ["small", "medium", "large"];
export type ScaleName = (typeof SCALE_NAMES)[number];
export declare const SCALES: Record<ScaleName, Scale>;
/** The fixed seed: every run at one scale builds the same database. */
export declare const DEFAULT_SEED = 20241208;

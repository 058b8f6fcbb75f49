import { type NameEntry, NameMatcher } from '@sitrep/names';
import { graphqlName } from '@sitrep/vocabulary';
import { planNames } from './entity-plan';
import { median } from './load';
import { Random, Zipf } from './random';
import { FILLER } from './words';

export interface NameScanFigures {
  names: number;
  documentBytes: number;
  buildSeconds: number;
  /** Names found in the document by one findAll. */
  matches: number;
  runs: number;
  medianSeconds: number;
  /** Document bytes (UTF-8) per second of the median run, in 10^6 bytes. */
  mbPerSecond: number;
}

/** A long report: plain words with a name every ten words or so, paragraphs of a few sentences. */
export function generateDocument(random: Random, names: readonly NameEntry[], bytes: number): string {
  const zipf = new Zipf(names.length, 1);
  const parts: string[] = [];
  let length = 0;
  let sentence = 0;
  while (length < bytes) {
    const words: string[] = [];
    const count = 12 + random.int(14);
    for (let i = 0; i < count; i += 1)
      words.push(random.chance(0.09) ? names[zipf.sample(random)]!.name : random.pick(FILLER));
    const text = `${words.join(' ')}.`;
    const piece =
      (sentence === 0 ? '' : sentence % 4 === 0 ? '\n\n' : ' ') + text.charAt(0).toUpperCase() + text.slice(1);
    parts.push(piece);
    length += Buffer.byteLength(piece);
    sentence += 1;
  }
  return parts.join('');
}

/** NameMatcher.findAll over a generated document with `nameCount` names: the editor's whole-document scan. */
export function measureNameScan(
  seed: number,
  nameCount: number,
  documentBytes: number,
  runs: number,
  maxSeconds: number,
): NameScanFigures {
  const random = new Random(seed);
  const names: NameEntry[] = planNames(random.fork(7), nameCount).map((n) => ({
    name: n.name,
    entity: Buffer.from(`${n.kind === 'actor' ? 'Actor' : 'Installation'}:${n.entity + 1}`).toString('base64'),
    kind: graphqlName(n.kind),
  }));
  const text = generateDocument(random.fork(8), names, documentBytes);
  const t0 = performance.now();
  const matcher = new NameMatcher(names);
  const buildSeconds = (performance.now() - t0) / 1000;
  const times: number[] = [];
  let matches = 0;
  const deadline = performance.now() + maxSeconds * 1000;
  for (let i = 0; i < runs && (i === 0 || performance.now() < deadline); i += 1) {
    const start = performance.now();
    matches = matcher.findAll(text).length;
    times.push((performance.now() - start) / 1000);
  }
  const bytes = Buffer.byteLength(text);
  const medianSeconds = median(times);
  return {
    names: matcher.size,
    documentBytes: bytes,
    buildSeconds,
    matches,
    runs: times.length,
    medianSeconds,
    mbPerSecond: bytes / 1e6 / medianSeconds,
  };
}

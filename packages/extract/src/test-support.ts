import type { ExtractedEntity, Extraction } from './types';

/** The extracted entity with this canonical name; fails naming what was found instead. */
export function entityNamed(result: Extraction, name: string): ExtractedEntity {
  const found = result.entities.find((e) => e.name === name);
  if (!found) throw new Error(`no entity ${name} in ${JSON.stringify(result.entities.map((e) => e.name))}`);
  return found;
}

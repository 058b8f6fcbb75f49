import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJson, shapeChecks } from './gold';

/** A gold claim: `file` is the gold file's base name, `i` the index in its claims. */
export interface ClaimRef {
  file: string;
  i: number;
}

export interface GoldStatementGroup {
  id: string;
  proposition: string;
  claims: ClaimRef[];
  /** All its claims come from one article: it exists only so that a contradiction can point at it. */
  single: boolean;
}

export interface GoldContradiction {
  a: string;
  b: string;
  why: string;
  withinArticle: boolean;
}

/** The corpus's `statements.json` (its README, "statements.json"). */
export interface StatementsGold {
  groups: GoldStatementGroup[];
  contradictions: GoldContradiction[];
  /** Articles that are copies of one wire story, by gold base name. */
  copies: string[][];
}

/** `statements.json` of the corpus, or null where the corpus has none. */
export function loadStatementsGold(dir: string): StatementsGold | null {
  const path = join(dir, 'statements.json');
  return existsSync(path) ? parseStatementsGold(readFileSync(path, 'utf8'), path) : null;
}

/** Checks the shape field by field, so a slip in the hand-made file names the field. */
export function parseStatementsGold(json: string, path: string): StatementsGold {
  const { fail, object, array, string } = shapeChecks(path);
  const root = parseJson(json, path);
  const top = object(root, 'the file');
  const groups = array(top.groups, 'groups').map((raw, g): GoldStatementGroup => {
    const group = object(raw, `groups[${g}]`);
    return {
      id: string(group.id, `groups[${g}].id`),
      proposition: string(group.proposition ?? '', `groups[${g}].proposition`),
      single: group.single === true,
      claims: array(group.claims, `groups[${g}].claims`).map((ref, c) => {
        const r = object(ref, `groups[${g}].claims[${c}]`);
        if (!Number.isInteger(r.i) || (r.i as number) < 0)
          fail(`groups[${g}].claims[${c}].i`, 'must be an integer ≥ 0');
        return { file: string(r.file, `groups[${g}].claims[${c}].file`), i: r.i as number };
      }),
    };
  });
  const ids = new Set(groups.map((g) => g.id));
  const contradictions = array(top.contradictions ?? [], 'contradictions').map((raw, k): GoldContradiction => {
    const c = object(raw, `contradictions[${k}]`);
    const side = (key: 'a' | 'b') => {
      const id = string(c[key], `contradictions[${k}].${key}`);
      return ids.has(id) ? id : fail(`contradictions[${k}].${key}`, `names no group (“${id}”)`);
    };
    return {
      a: side('a'),
      b: side('b'),
      why: string(c.why ?? '', `contradictions[${k}].why`),
      withinArticle: c.within_article === true,
    };
  });
  const copies = array(top.copies ?? [], 'copies').map((raw, k) =>
    array(raw, `copies[${k}]`).map((f, j) => string(f, `copies[${k}][${j}]`)),
  );
  return { groups, contradictions, copies };
}

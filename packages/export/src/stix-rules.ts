import { validate as isUuid, version as uuidVersion } from 'uuid';

/**
 * Sitrep's own check of a STIX 2.1 bundle against the specification's MUST rules (and the SHOULDs it
 * keeps) for the object types it writes. It exists because no maintained package on the registries
 * Sitrep installs from ships OASIS's JSON schemas (cti-stix2-json-schemas is not published to npm,
 * and Debian packages no STIX tooling): this is a reading of the specification's text, not those
 * schemas. It is stricter where it can be: it knows each type's properties, so a misspelt property
 * is caught rather than taken for a custom one, and every reference must resolve inside the bundle.
 */

type Json = Record<string, unknown>;

// The specification's "Common Properties" of SDOs, then each object type's own properties.
const COMMON = [
  'type',
  'spec_version',
  'id',
  'created_by_ref',
  'created',
  'modified',
  'revoked',
  'labels',
  'confidence',
  'lang',
  'external_references',
  'object_marking_refs',
  'granular_markings',
  'extensions',
];
const PROPERTIES: Record<string, string[]> = {
  identity: ['name', 'description', 'roles', 'identity_class', 'sectors', 'contact_information'],
  location: [
    'name',
    'description',
    'latitude',
    'longitude',
    'precision',
    'region',
    'country',
    'administrative_area',
    'city',
    'street_address',
    'postal_code',
  ],
  report: ['name', 'description', 'report_types', 'published', 'object_refs'],
  note: ['abstract', 'content', 'authors', 'object_refs'],
  grouping: ['name', 'description', 'context', 'object_refs'],
};
const REQUIRED: Record<string, string[]> = {
  identity: ['name'],
  location: [],
  report: ['name', 'published', 'object_refs'],
  note: ['content', 'object_refs'],
  grouping: ['context', 'object_refs'],
};
const IDENTITY_CLASSES = ['individual', 'group', 'system', 'organization', 'class', 'unknown'];

// Timestamps are RFC 3339 in UTC ("Z"); created and modified are precise to the millisecond.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const MILLISECONDS = /\.\d{3}Z$/;
// "Custom Properties": names are a–z, 0–9 and _ only, 3 to 250 characters; Sitrep's all start x_sitrep_.
const CUSTOM = /^x_sitrep_[a-z0-9_]{1,241}$/;

/** An identifier: `type--UUID`, the type the referenced object's, the UUID RFC 4122's. */
function identifierProblem(id: unknown, type?: string): string | undefined {
  if (typeof id !== 'string') return 'is not a string';
  const [kind, uuid, ...rest] = id.split('--');
  if (rest.length > 0 || !uuid || !isUuid(uuid)) return `${id} is not type--UUID`;
  if (type && kind !== type) return `${id} is not a ${type}`;
  // SDOs should use UUIDv4; Sitrep uses v5 for stable ids, as the spec allows with a namespace of one's own.
  if (![4, 5].includes(uuidVersion(uuid))) return `${id} is neither UUIDv4 nor UUIDv5`;
  return undefined;
}

function referencesIn(name: string, value: unknown): unknown[] {
  if (name.endsWith('_ref')) return [value];
  if (!Array.isArray(value)) return [];
  if (name.endsWith('_refs')) return value;
  return value.flatMap((item: unknown) =>
    item != null && typeof item === 'object'
      ? Object.entries(item).flatMap(([key, v]) => (key === 'ref' || key.endsWith('_ref') ? [v] : []))
      : [],
  );
}

function objectProblems(o: Json, types: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const type = String(o.type);
  const own = PROPERTIES[type];
  if (!own) return [`type ${type} is not one Sitrep writes`];
  if (!/^[a-z0-9-]{3,250}$/.test(type)) problems.push(`type ${type} is malformed`);
  if (o.spec_version !== '2.1') problems.push('spec_version is not "2.1"');
  const idProblem = identifierProblem(o.id, type);
  if (idProblem) problems.push(`id ${idProblem}`);
  for (const p of ['created', 'modified']) {
    const at = o[p];
    if (typeof at !== 'string' || !TIMESTAMP.test(at) || !MILLISECONDS.test(at) || Number.isNaN(Date.parse(at)))
      problems.push(`${p} ${String(at)} is not a timestamp to the millisecond`);
  }
  if (String(o.modified) < String(o.created)) problems.push('modified is before created');
  for (const p of REQUIRED[type]!) if (o[p] == null) problems.push(`${p} is required`);
  for (const [name, value] of Object.entries(o)) {
    if (!COMMON.includes(name) && !own.includes(name) && !CUSTOM.test(name))
      problems.push(`${name} is neither a ${type} property nor a custom one`);
    if (value == null || value === '' || (Array.isArray(value) && value.length === 0))
      problems.push(`${name} is empty: absent properties are left out`);
    // Every reference resolves to an object of the bundle, of the type its id names, also those
    // inside a custom property's list ({"ref": …, "role": …}).
    for (const ref of referencesIn(name, value)) {
      const problem = identifierProblem(ref);
      if (problem) problems.push(`${name}: ${problem}`);
      else if (types.get(ref as string) !== (ref as string).split('--')[0])
        problems.push(`${name}: ${String(ref)} is not in the bundle`);
    }
  }
  if (o.created_by_ref != null && !String(o.created_by_ref).startsWith('identity--'))
    problems.push('created_by_ref is not an identity');
  if (
    o.confidence != null &&
    !(Number.isInteger(o.confidence) && Number(o.confidence) >= 0 && Number(o.confidence) <= 100)
  )
    problems.push('confidence is not an integer from 0 to 100');
  for (const ref of (o.external_references ?? []) as Json[])
    if (typeof ref.source_name !== 'string' || (ref.url == null && ref.description == null && ref.external_id == null))
      problems.push('an external reference lacks source_name, or all of url, description and external_id');
  problems.push(...typeProblems(type, o));
  return problems;
}

/** The rules of each type beyond its required properties, as its section of the specification gives them. */
function typeProblems(type: string, o: Json): string[] {
  const problems: string[] = [];
  const strings = (p: string) => {
    const v = o[p];
    if (v != null && !(Array.isArray(v) && v.every((s) => typeof s === 'string' && s !== '')))
      problems.push(`${p} is not a list of strings`);
  };
  if (type === 'identity') {
    if (o.identity_class != null && !IDENTITY_CLASSES.includes(String(o.identity_class)))
      problems.push(`identity_class ${String(o.identity_class)} is not in identity-class-ov`);
    strings('roles');
    strings('sectors');
  }
  if (type === 'location') {
    const [lat, long] = [o.latitude, o.longitude];
    if ((lat == null) !== (long == null)) problems.push('latitude and longitude come together');
    if (lat != null && !(typeof lat === 'number' && lat >= -90 && lat <= 90)) problems.push('latitude is out of range');
    if (long != null && !(typeof long === 'number' && long >= -180 && long <= 180))
      problems.push('longitude is out of range');
    if (o.region == null && o.country == null && lat == null) problems.push('needs region, country or coordinates');
    if (o.country != null && !/^[A-Z]{2}$/.test(String(o.country)))
      problems.push('country is not an ISO 3166-1 alpha-2 code');
  }
  if (type === 'report' && !(typeof o.published === 'string' && TIMESTAMP.test(o.published)))
    problems.push('published is not a timestamp');
  if (type === 'note') strings('authors');
  return problems;
}

/** Every rule a bundle breaks, as "id: problem" lines; none for a bundle that keeps them all. */
export function stixViolations(bundle: { type: unknown; id: unknown; objects: readonly Json[] }): string[] {
  const problems: string[] = [];
  if (bundle.type !== 'bundle') problems.push('bundle: type is not "bundle"');
  const idProblem = identifierProblem(bundle.id, 'bundle');
  if (idProblem) problems.push(`bundle: id ${idProblem}`);
  const objects = bundle.objects;
  const types = new Map<string, string>();
  for (const o of objects) {
    if (types.has(String(o.id))) problems.push(`${String(o.id)}: written twice`);
    types.set(String(o.id), String(o.type));
  }
  for (const o of objects) problems.push(...objectProblems(o, types).map((p) => `${String(o.id)}: ${p}`));
  return problems;
}

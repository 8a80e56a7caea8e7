/**
 * The baseline the engine is measured against: a bare js-yaml `load` of the same file.
 * CloudFormation short forms (`!Ref`, `!GetAtt` ...) are local tags js-yaml rejects by
 * default, so the baseline schema accepts any `!Tag` on scalars, sequences and mappings
 * (building plain values, no ranges): the cheapest load that succeeds on a real template.
 */
import { CORE_SCHEMA, defineMappingTag, defineScalarTag, defineSequenceTag, type Schema } from 'js-yaml';

/** Core schema plus catch-all `!Tag` definitions. */
export function cfnYamlSchema(): Schema {
  return CORE_SCHEMA.withTags(
    defineScalarTag('!', { matchByTagPrefix: true, resolve: (source, _explicit, tagName) => ({ [tagName]: source }), identify: () => false }),
    defineSequenceTag<unknown[]>('!', { matchByTagPrefix: true, create: () => [], addItem: (list, item) => void list.push(item), identify: () => false }),
    defineMappingTag<Record<string, unknown>>('!', {
      matchByTagPrefix: true,
      create: () => ({}),
      addPair: (map, key, value) => {
        map[String(key)] = value;
        return '';
      },
      has: (map, key) => Object.hasOwn(map, String(key)),
      keys: (map) => Object.keys(map),
      get: (map, key) => map[String(key)],
      identify: () => false,
    }),
  );
}

/**
 * The same baseline as a `node -e` script (CommonJS, argv[1] = file), for the cold-process
 * comparison: what a minimal "parse this template" command costs including Node's start-up.
 */
export const COLD_BASELINE_SCRIPT = `
const y = require('js-yaml');
const fs = require('fs');
const schema = y.CORE_SCHEMA.withTags(
  y.defineScalarTag('!', { matchByTagPrefix: true, resolve: (s, e, n) => ({ [n]: s }), identify: () => false }),
  y.defineSequenceTag('!', { matchByTagPrefix: true, create: () => [], addItem: (l, i) => { l.push(i); }, identify: () => false }),
  y.defineMappingTag('!', { matchByTagPrefix: true, create: () => ({}), addPair: (m, k, v) => { m[String(k)] = v; return ''; },
    has: (m, k) => Object.hasOwn(m, String(k)), keys: (m) => Object.keys(m), get: (m, k) => m[String(k)], identify: () => false }),
);
y.load(fs.readFileSync(process.argv[1], 'utf8'), { schema });
`;

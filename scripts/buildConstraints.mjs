// Compiles the CloudFormation resource provider schemas shipped by cfn-lint into
// the compact, sharded value-constraint data of data/constraints/ (checked in:
// CI and users do not have cfn-lint). See data/constraints/README.md and
// docs/catalog.md; the format is documented in src/engine/constraints/constraintTypes.ts.
//
// Usage: node scripts/buildConstraints.mjs [<cfnlint package dir>]   (npm run build:constraints)
//
// Source: cfnlint/data/schemas/providers/us_east_1.py maps each resource type to a
// schema file in cfnlint/data/schemas/resources/<hash>.json. cfn-lint applies its
// own patches (data/schemas/patches/) to those files when it builds its package,
// so they are read as shipped. Of cfn-lint's extension schemas (data/schemas/extensions/,
// if/then rules tied to its Python error rules by path) the simple ones are compiled
// as conditionals (`c`): see compileExtensions.
//
// Kept per value: enum / enumCaseInsensitive / const, pattern, minLength, maxLength,
// minimum, maximum, minItems, maxItems, uniqueItems; per object: requiredXor,
// dependentExcluded, dependentRequired / dependencies (array form), and oneOf /
// anyOf whose branches only list required properties; `format` keywords of ids and ARNs
// (`AWS::EC2::VPC.Id`...) and CIDRs, and per type the formats `Ref` and `Fn::GetAtt` return
// (see formatOf, compileResultFormats). Everything else (other formats, type unions,
// if/then, oneOf of shapes) is left out.

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cfnLintVersion, findCfnLint } from './cfnLintPackage.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(repoRoot, 'data', 'constraints');
/** Format version; the reader is src/engine/constraints/compiledConstraints.ts. */
const FORMAT = 2;
const REGION = 'us_east_1';
/** Longest pattern kept: longer ones are rare and costly to run on every keystroke. */
const MAX_PATTERN_LENGTH = 500;

const stats = { formats: 0, inferredFormats: 0, arnByName: 0, patternsKept: 0, patternsDropped: [], oneOfSkipped: 0, extensions: [] };

/**
 * Whether a pattern is usable by the engine: it compiles as a JavaScript RegExp
 * (with the `u` flag, or without it as the engine falls back) and has no
 * quantified group that itself contains a quantifier (`(a+)+`), the shape of
 * catastrophic backtracking.
 */
function usablePattern(pattern) {
  if (typeof pattern !== 'string' || pattern.length > MAX_PATTERN_LENGTH) return false;
  let compiles = false;
  for (const flags of ['u', '']) {
    try {
      new RegExp(pattern, flags);
      compiles = true;
      break;
    } catch {
      // Without the `u` flag, `\p{...}` would silently mean the letter p: not the same pattern.
      if (/\\[pP]\{/.test(pattern)) return false;
    }
  }
  if (!compiles) return false;
  return !/\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]/.test(pattern);
}

/** Java/Python POSIX classes (`\p{Print}`) as JavaScript class contents; Unicode properties (`\p{L}`) are left to the `u` flag. */
const POSIX_CLASSES = {
  Print: '\\x20-\\x7E', Graph: '\\x21-\\x7E', Alnum: 'A-Za-z0-9', Alpha: 'A-Za-z', Digit: '0-9', Upper: 'A-Z', Lower: 'a-z',
  Punct: '!-\\/:-@\\[-`{-~', Space: ' \\t\\n\\x0B\\f\\r', XDigit: '0-9A-Fa-f', ASCII: '\\x00-\\x7F',
};

/**
 * Rewrites the Python/Java syntax of the schemas' patterns into JavaScript:
 * `\A` and `\Z`/`\z` anchors, POSIX classes `\p{Print}`. Without this, a pattern that
 * only compiles without the `u` flag would read `\Z` as the letter Z.
 */
export function toJavaScriptPattern(pattern) {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      const next = pattern[i + 1] ?? '';
      const posix = /^[pP]\{(\w+)\}/.exec(pattern.slice(i + 1));
      if (posix && next === 'p' && Object.hasOwn(POSIX_CLASSES, posix[1])) {
        out += inClass ? POSIX_CLASSES[posix[1]] : `[${POSIX_CLASSES[posix[1]]}]`;
        i += posix[0].length;
        continue;
      }
      if (!inClass && next === 'A') out += '^';
      else if (!inClass && (next === 'Z' || next === 'z')) out += '$';
      else out += ch + next;
      i++;
      continue;
    }
    if (ch === '[' && !inClass) inClass = true;
    else if (ch === ']' && inClass) inClass = false;
    out += ch;
  }
  return out;
}

/**
 * Root properties whose schema constraints are left out because a dedicated
 * ArchLens rule checks them with better data (docs/catalog.md, "which wins").
 */
const LEFT_TO_OTHER_RULES = {
  // cfn-lambda-runtime checks it against a dated runtime table (deprecations, successors).
  'AWS::Lambda::Function': ['Runtime'],
};

/**
 * Formats the schemas get wrong, corrected before compiling (documented in docs/catalog.md):
 * type -> [path of property names from the root or a definition (`#Name`), format(s) of the items].
 * LaunchTemplateData.SecurityGroups takes security group *names* in the default VPC (EC2's
 * documentation; the template in aws-cloudformation-templates AutoScaling/ deploys so), yet the
 * schema says ids only, and cfn-lint's E1041 flags a `Ref` to a default-VPC group there.
 */
const FORMAT_CORRECTIONS = {
  'AWS::EC2::LaunchTemplate': [[['#LaunchTemplateData', 'SecurityGroups'], ['AWS::EC2::SecurityGroup.Id', 'AWS::EC2::SecurityGroup.Name']]],
  // The schema names no format for the subnets of a function's VpcConfig (its SecurityGroupIds have one), so a
  // literal logical id written without !Ref (aws-cloudformation-templates ADCONNECTOR.cfn.yaml: `- PrivateSubnet1ID`)
  // went unreported; Lambda refuses anything but subnet ids there (cloudformation-validate reports it, F3031).
  'AWS::Lambda::Function': [[['#VpcConfig', 'SubnetIds'], ['AWS::EC2::Subnet.Id']]],
};

/**
 * Limits of cfn-lint's extension schemas that AWS has since raised, corrected before compiling
 * (documented in docs/rules/cfn-ebs-volume-limits.md): extension file -> a function that edits it and
 * throws when the schema no longer has the shape it corrects. EBS gp3 volumes take up to 80,000
 * IOPS (the EC2 CreateVolume reference); cfn-lint 1.51.0's E3671 data still says 16,000.
 */
const EXTENSION_CORRECTIONS = {
  'aws_ec2_instance/blockdevicemappings.json': (schema) => {
    const gp3 = schema.allOf?.find((branch) => branch.if?.properties?.VolumeType?.const === 'gp3')?.then?.properties?.Iops;
    if (gp3?.maximum !== 16000) throw new Error('buildConstraints: the gp3 Iops correction no longer matches cfn-lint\'s blockdevicemappings.json');
    gp3.maximum = 80000;
  },
};

function correctFormats(type, schema) {
  for (const [[first, ...rest], itemFormats] of FORMAT_CORRECTIONS[type] ?? []) {
    let node = first.startsWith('#') ? schema.definitions?.[first.slice(1)] : schema.properties?.[first];
    for (const name of rest) node = followRef(node, schema)?.properties?.[name];
    if (!node?.items) throw new Error(`buildConstraints: format correction for ${type} ${first}/${rest.join('/')} no longer matches the schema`);
    delete node.format;
    node.anyOf = itemFormats.map((format) => ({ format: `${format}s` }));
    delete node.items.format;
    node.items = { ...node.items, anyOf: itemFormats.map((format) => ({ format })) };
  }
}

/** Patterns that accept every string are not worth a check. */
const TRIVIAL_PATTERNS = new Set(['.*', '^.*$', '^.*', '.+', '^.+$', '[\\s\\S]*', '^[\\s\\S]*$', '(.*)', '^(.*)$']);

function stringList(values) {
  return values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
}

/** Groups of a oneOf/anyOf whose every branch is `{ required: [...] }` only; else undefined. */
function requiredGroups(branches) {
  if (!Array.isArray(branches) || branches.length < 2) return undefined;
  const groups = [];
  for (const branch of branches) {
    if (!branch || typeof branch !== 'object' || !Array.isArray(branch.required) || branch.required.length === 0) return undefined;
    if (Object.keys(branch).some((key) => key !== 'required')) return undefined;
    groups.push(branch.required.map(String));
  }
  return groups;
}

/**
 * `format` keywords kept: cfn-lint's AWS formats (`AWS::EC2::VPC.Id`, `AWS::IAM::Role.Arn`...,
 * see src/engine/formats/formatCatalog.ts) and the CIDR formats. Generic JSON Schema formats
 * (`date-time`, `int64`, `json`, `uri`...) are left out.
 */
function keptFormat(format) {
  if (typeof format !== 'string') return undefined;
  // cfn-lint's _schema_comparer reads the deprecated name as the current one.
  if (format === 'AWS::EC2::SecurityGroup.GroupId') return 'AWS::EC2::SecurityGroup.Id';
  if (format === 'ipv4-network' || format === 'ipv6-network') return format;
  return /^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+\.[A-Za-z]+$/.test(format) ? format : undefined;
}

/** A definition reference's target schema, or the schema itself. */
function followRef(schema, schemaRoot) {
  const m = typeof schema?.$ref === 'string' ? /^#\/definitions\/([^/]+)$/.exec(schema.$ref) : null;
  return m && schemaRoot.definitions?.[m[1]] ? schemaRoot.definitions[m[1]] : schema;
}

/**
 * The format(s) a value must have: its own `format`, or the formats of an `anyOf` whose every
 * branch names one (`KmsKeyId`: a key ARN, a key id or an alias name). One format is a string,
 * several a sorted list; undefined when any branch accepts something without a kept format.
 */
function formatOf(schema, schemaRoot) {
  const own = keptFormat(schema.format);
  if (own !== undefined) return own;
  if (!Array.isArray(schema.anyOf) || schema.anyOf.length === 0) return undefined;
  const formats = new Set();
  for (const branch of schema.anyOf) {
    const format = keptFormat(followRef(branch, schemaRoot)?.format);
    if (format === undefined) return undefined;
    formats.add(format);
  }
  const list = [...formats].sort();
  return list.length === 1 ? list[0] : list;
}

/**
 * Values each format inferred from a pattern must accept, and must refuse: a pattern that accepts
 * every `yes` and no `no` only takes that kind of ARN, so a `Ref` returning a name cannot fit it.
 */
const PATTERN_FORMATS = [
  {
    format: 'AWS::IAM::Role.Arn',
    yes: ['arn:aws:iam::123456789012:role/MyRole', 'arn:aws:iam::123456789012:role/service-role/MyRole'],
    no: ['', 'MyRole', '*', 'arn:aws:iam::123456789012:user/MyRole', 'arn:aws:iam::123456789012:policy/MyRole', 'arn:aws:iam::123456789012:instance-profile/MyRole', 'arn:aws:sts::123456789012:assumed-role/MyRole/x'],
  },
];

/**
 * Many role-ARN properties have a pattern but no `format` (`AWS::Lambda::Function.Role`): the format
 * is inferred when the pattern accepts role ARNs and nothing else (tested on sample values).
 */
export function formatFromPattern(pattern) {
  let regex;
  try {
    regex = new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
  for (const { format, yes, no } of PATTERN_FORMATS) {
    if (yes.every((value) => regex.test(value)) && !no.some((value) => regex.test(value))) {
      stats.inferredFormats++;
      return format;
    }
  }
  return undefined;
}

/** The schema a CloudFormation pointer (`/properties/A/B`) names, through definitions; undefined when it goes nowhere. */
function schemaAt(schemaRoot, pointer) {
  const parts = pointer.split('/').slice(2);
  let node = schemaRoot.properties?.[parts[0]];
  for (const part of parts.slice(1)) {
    node = followRef(node, schemaRoot);
    node = node?.properties?.[part];
  }
  return node && typeof node === 'object' ? followRef(node, schemaRoot) : undefined;
}

/**
 * What `Ref` and `Fn::GetAtt` return, as formats (cfn-lint's E1041 / E1040): `rf` the format of
 * the primary identifier when there is exactly one (as cfn-lint's schema Ref); `ga` per attribute
 * (`/properties/A/B` read-only pointer -> `A.B`) its format, or 0 when the attribute is known and
 * has none (a plain string: a name, a generated id). Types cfn-lint lets GetAtt read every
 * property of (`_all_property_types`) also list their formatted properties.
 */
function compileResultFormats(schema, allPropertyTypes) {
  const out = {};
  const identifiers = Array.isArray(schema.primaryIdentifier) ? schema.primaryIdentifier : [];
  if (identifiers.length === 1) {
    const target = schemaAt(schema, identifiers[0]);
    const format = target && formatOf(target, schema);
    if (format !== undefined) out.rf = format;
  }
  const attributes = {};
  for (const pointer of schema.readOnlyProperties ?? []) {
    if (typeof pointer !== 'string' || !pointer.startsWith('/properties/')) continue;
    const target = schemaAt(schema, pointer);
    if (!target) continue;
    attributes[pointer.split('/').slice(2).join('.')] = formatOf(target, schema) ?? 0;
  }
  if (allPropertyTypes.has(schema.typeName)) {
    for (const [name, sub] of Object.entries(schema.properties ?? {})) {
      const format = formatOf(followRef(sub, schema), schema);
      if (format !== undefined && !(name in attributes)) attributes[name] = format;
    }
  }
  if (Object.keys(attributes).length > 0) out.ga = attributes;
  return out;
}

/** cfn-lint's list of types whose every property is a GetAtt attribute (cfnlint/schema/_getatts.py). */
function allPropertyTypes(cfnlint) {
  const source = readFileSync(join(cfnlint, 'schema', '_getatts.py'), 'utf8');
  const list = /_all_property_types\s*=\s*\[([^\]]*)\]/.exec(source)?.[1];
  if (!list) throw new Error('buildConstraints: _all_property_types not found in cfnlint/schema/_getatts.py; has cfn-lint changed its layout?');
  return new Set([...list.matchAll(/"([^"]+)"/g)].map((m) => m[1]));
}

/** The pseudo format of a property whose name says it takes an ARN (no literal test; see formatCatalog.ts). */
const ANY_ARN = 'arn';

function isArraySchema(schema, schemaRoot) {
  const target = followRef(schema, schemaRoot);
  return target?.type === 'array' || (Array.isArray(target?.type) && target.type.includes('array'));
}

/** Compiles one schema (a property's value) into a constraint node; `defs` collects referenced definitions. */
function compileNode(schema, schemaRoot, refsOut) {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return {};
  const node = {};
  if (typeof schema.$ref === 'string') {
    const m = /^#\/definitions\/([^/]+)$/.exec(schema.$ref);
    if (m) {
      node.$ = m[1];
      refsOut.add(m[1]);
    } else {
      const prop = /^#\/properties\/([^/]+)$/.exec(schema.$ref);
      if (prop && schemaRoot.properties?.[prop[1]]) Object.assign(node, compileNode(schemaRoot.properties[prop[1]], schemaRoot, refsOut));
    }
  }
  if (Array.isArray(schema.enumCaseInsensitive)) {
    node.e = stringList(schema.enumCaseInsensitive);
    node.ei = 1;
  } else if (Array.isArray(schema.enum)) {
    node.e = stringList(schema.enum);
  } else if ('const' in schema && (typeof schema.const !== 'object' || schema.const === null)) {
    node.e = stringList([schema.const]);
  }
  const pattern = typeof schema.pattern === 'string' ? toJavaScriptPattern(schema.pattern) : undefined;
  if (pattern !== undefined && !TRIVIAL_PATTERNS.has(pattern)) {
    if (usablePattern(pattern)) {
      node.p = pattern;
      stats.patternsKept++;
    } else {
      stats.patternsDropped.push(pattern);
    }
  }
  const format = formatOf(schema, schemaRoot) ?? (pattern !== undefined ? formatFromPattern(pattern) : undefined);
  if (format !== undefined) {
    node.f = format;
    stats.formats++;
  }
  if (Number.isInteger(schema.minLength) && schema.minLength > 0) node.nl = schema.minLength;
  if (Number.isInteger(schema.maxLength)) node.xl = schema.maxLength;
  if (typeof schema.minimum === 'number') node.n = schema.minimum;
  if (typeof schema.maximum === 'number') node.x = schema.maximum;
  if (Number.isInteger(schema.minItems) && schema.minItems > 0) node.ni = schema.minItems;
  if (Number.isInteger(schema.maxItems)) node.xi = schema.maxItems;
  if (schema.uniqueItems === true) node.u = 1;
  if (schema.items && typeof schema.items === 'object' && !Array.isArray(schema.items)) node.i = compileNode(schema.items, schemaRoot, refsOut);
  if (schema.properties && typeof schema.properties === 'object') {
    node.o = {};
    for (const [name, sub] of Object.entries(schema.properties)) {
      node.o[name] = compileNode(sub, schemaRoot, refsOut);
      // A property named for an ARN (`WebACLArn`) takes one even when its schema names no format:
      // the engine then reports a GetAtt of an id or a name there (src/engine/formats/formatCheck.ts).
      if (/(Arn|ARN)$/.test(name) && node.o[name].f === undefined && !isArraySchema(sub, schemaRoot)) {
        node.o[name].f = ANY_ARN;
        stats.arnByName++;
      }
    }
  }
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    node.v = compileNode(schema.additionalProperties, schemaRoot, refsOut);
  } else if (schema.patternProperties && typeof schema.patternProperties === 'object') {
    const values = Object.values(schema.patternProperties);
    if (values.length === 1) node.v = compileNode(values[0], schemaRoot, refsOut);
  }
  if (Array.isArray(schema.requiredXor) && schema.requiredXor.length > 1) node.rx = schema.requiredXor.map(String);
  if (schema.dependentExcluded && typeof schema.dependentExcluded === 'object') node.ex = listMap(schema.dependentExcluded);
  const dependent = { ...listMap(schema.dependencies ?? {}), ...listMap(schema.dependentRequired ?? {}) };
  if (Object.keys(dependent).length > 0) node.dr = dependent;
  for (const [keyword, field] of [['oneOf', 'one'], ['anyOf', 'any']]) {
    if (!(keyword in schema)) continue;
    const groups = requiredGroups(schema[keyword]);
    if (groups) node[field] = groups;
    else stats.oneOfSkipped++;
  }
  // `allOf: [{ $ref }, { default }]` and similar: merge the branches' constraints.
  if (Array.isArray(schema.allOf)) {
    for (const branch of schema.allOf) {
      const compiled = compileNode(branch, schemaRoot, refsOut);
      for (const [key, value] of Object.entries(compiled)) if (!(key in node)) node[key] = value;
    }
  }
  return node;
}

/** `{ a: ['b'] }` entries whose value is a non-empty list of names (the array form of `dependencies`). */
function listMap(record) {
  const out = {};
  for (const [key, value] of Object.entries(record)) {
    if (Array.isArray(value) && value.length > 0) out[key] = value.map(String);
  }
  return out;
}

/**
 * Drops what carries no constraint: empty nodes, refs to definitions that
 * carry none. `live` is the set of definitions that carry something.
 */
function prune(node, live) {
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$') {
      if (live.has(value)) out.$ = value;
    } else if (key === 'i' || key === 'v') {
      const sub = prune(value, live);
      if (sub) out[key] = sub;
    } else if (key === 'o') {
      const props = {};
      for (const [name, sub] of Object.entries(value)) {
        const pruned = prune(sub, live);
        if (pruned) props[name] = pruned;
      }
      if (Object.keys(props).length > 0) out.o = props;
    } else if (key === 'ex' && Object.keys(value).length === 0) {
      // nothing excluded
    } else {
      out[key] = value;
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Compiles one resource schema into `{ r: root node, d: { definition: node } }`, or undefined when it has no constraints. */
function compileResource(schema) {
  const refs = new Set();
  const root = compileNode({ ...schema, type: 'object' }, schema, refs);
  const defs = new Map();
  const pending = [...refs];
  while (pending.length > 0) {
    const name = pending.pop();
    if (defs.has(name)) continue;
    const defSchema = schema.definitions?.[name];
    const defRefs = new Set();
    defs.set(name, { node: defSchema ? compileNode(defSchema, schema, defRefs) : {}, refs: defRefs });
    for (const ref of defRefs) if (!defs.has(ref)) pending.push(ref);
  }
  // A definition is live when it carries a constraint itself or refers to a live one (fixpoint).
  const live = new Set();
  const ownConstraint = (node) => prune(node, new Set()) !== undefined;
  for (const [name, def] of defs) if (ownConstraint(def.node)) live.add(name);
  for (let changed = true; changed; ) {
    changed = false;
    for (const [name, def] of defs) {
      if (!live.has(name) && [...def.refs].some((ref) => live.has(ref))) {
        live.add(name);
        changed = true;
      }
    }
  }
  const r = prune(root, live);
  if (!r) return undefined;
  const d = {};
  for (const name of [...live].sort()) {
    const pruned = prune(defs.get(name).node, live);
    if (pruned) d[name] = pruned;
  }
  return Object.keys(d).length > 0 ? { r, d } : { r };
}

/**
 * cfn-lint's extension schemas are JSON Schema `if`/`then` rules wired to paths by its
 * Python error rules (`keywords=["Resources/AWS::EC2::Instance/Properties/BlockDeviceMappings/(star)/Ebs"]`).
 * The simple ones are compiled: `if` one property equals one of some values, `then`
 * some properties are required and/or get value constraints. Returns
 * `[{ path: [type, ...segments], conditional }]`.
 */
function compileExtensions(cfnlint) {
  const out = [];
  const rulesDir = join(cfnlint, 'rules');
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name.endsWith('.py')) files.push(join(dir, entry.name));
    }
  };
  walk(rulesDir);
  for (const file of files.sort()) {
    const source = readFileSync(file, 'utf8');
    const id = /\bid\s*=\s*"([EWI]\d+)"/.exec(source)?.[1];
    if (!id?.startsWith('E')) continue; // only cfn-lint's errors
    const keywords = /keywords\s*=\s*\[([^\]]*)\]/.exec(source)?.[1];
    if (!keywords) continue;
    for (const m of source.matchAll(/module=cfnlint\.data\.schemas\.extensions\.(\w+),\s*filename="([^"]+)"/g)) {
      const schema = JSON.parse(readFileSync(join(cfnlint, 'data', 'schemas', 'extensions', m[1], m[2]), 'utf8'));
      EXTENSION_CORRECTIONS[`${m[1]}/${m[2]}`]?.(schema);
      const conditionals = simpleConditionals(schema);
      if (!conditionals) continue;
      stats.extensions.push(`${id} ${m[1]}/${m[2]}`);
      for (const keyword of keywords.matchAll(/"Resources\/([^/"]+)\/Properties((?:\/[^/"]+)*)"/g)) {
        const segments = keyword[2].split('/').filter(Boolean);
        for (const conditional of conditionals) out.push({ type: keyword[1], segments, conditional });
      }
    }
  }
  return out;
}

/** `{ if: { properties: { K: { const | enum } }, required: [K] }, then: { required?, properties? } }` (or an allOf of them) as conditionals. */
function simpleConditionals(schema) {
  const branches = Array.isArray(schema.allOf) && Object.keys(schema).every((key) => ['allOf', 'type', '$schema', 'description', '$id'].includes(key)) ? schema.allOf : [schema];
  const out = [];
  for (const branch of branches) {
    if (!branch || Object.keys(branch).some((key) => !['if', 'then', 'description', 'additionalProperties'].includes(key))) return undefined;
    if ('additionalProperties' in branch && branch.additionalProperties !== true) return undefined;
    const test = branch.if;
    const then = branch.then;
    if (!test || !then || Object.keys(test).some((key) => !['properties', 'required', 'type'].includes(key))) return undefined;
    const entries = Object.entries(test.properties ?? {});
    // The trigger must be present (listed in `required`, or else JSON Schema's `if` would also hold
    // without it): a conditional applies only when the property is there with one of the values.
    if (entries.length !== 1) return undefined;
    const [key, match] = entries[0];
    const values = 'const' in match ? [match.const] : match.enum;
    if (!Array.isArray(values) || Object.keys(match).some((k) => !['const', 'enum', 'type'].includes(k))) return undefined;
    if (Object.keys(then).some((k) => !['properties', 'required', 'type'].includes(k))) return undefined;
    const conditional = { w: key, e: [...new Set(stringList(values))] };
    if (Array.isArray(then.required) && then.required.length > 0) conditional.r = then.required.map(String);
    if (then.properties) {
      conditional.o = {};
      for (const [name, sub] of Object.entries(then.properties)) {
        // `"Name": false`: the property must not be there (`BillingMode: PAY_PER_REQUEST` takes no `ProvisionedThroughput`).
        if (sub === false) {
          conditional.n = [...(conditional.n ?? []), name];
          continue;
        }
        if (Object.keys(sub).some((k) => !['minimum', 'maximum', 'enum', 'const', 'type', 'minLength', 'maxLength', 'pattern'].includes(k))) return undefined;
        const node = prune(compileNode(sub, {}, new Set()), new Set());
        if (node) conditional.o[name] = node;
      }
      if (Object.keys(conditional.o).length === 0) delete conditional.o;
    }
    out.push(conditional);
  }
  return out.length > 0 ? out : undefined;
}

/** Adds a conditional at a property path of a compiled resource (`*` = list items), creating nodes on the way. */
function attachConditional(compiled, segments, conditional) {
  const resolve = (node) => {
    // A reference: the conditional belongs in the definition, shared by its other users of the same shape.
    if (node.$ !== undefined) {
      compiled.d ??= {};
      compiled.d[node.$] ??= {};
      return compiled.d[node.$];
    }
    return node;
  };
  let node = resolve(compiled.r);
  for (const segment of segments) {
    if (segment === '*') {
      node.i ??= {};
      node = resolve(node.i);
    } else {
      node.o ??= {};
      node.o[segment] ??= {};
      node = resolve(node.o[segment]);
    }
  }
  (node.c ??= []).push(conditional);
}

function main() {
  const cfnlint = findCfnLint('buildConstraints');
  const schemasDir = join(cfnlint, 'data', 'schemas');
  const providers = readFileSync(join(schemasDir, 'providers', `${REGION}.py`), 'utf8');
  const types = [...providers.matchAll(/"([A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+)": "([0-9a-f]{16})"/g)].map((m) => [m[1], m[2]]);
  if (types.length < 1000) throw new Error(`buildConstraints: only ${types.length} types in providers/${REGION}.py; has cfn-lint changed its layout?`);
  const version = cfnLintVersion(cfnlint);

  const extensions = compileExtensions(cfnlint);
  const getAttAll = allPropertyTypes(cfnlint);
  const shards = new Map();
  for (const [type, hash] of types.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const schema = JSON.parse(readFileSync(join(schemasDir, 'resources', `${hash}.json`), 'utf8'));
    for (const name of LEFT_TO_OTHER_RULES[type] ?? []) delete schema.properties?.[name];
    correctFormats(type, schema);
    const ownExtensions = extensions.filter((extension) => extension.type === type);
    // Every type with a schema gets an entry, even an empty one: the engine reads "in the data"
    // as "a known type", whose Ref / GetAtt result formats are known (none when absent).
    const compiled = { ...(compileResource(schema) ?? { r: {} }), ...compileResultFormats(schema, getAttAll) };
    for (const extension of ownExtensions) attachConditional(compiled, extension.segments, extension.conditional);
    const shardName = type.split('::').slice(0, 2).join('_');
    if (!shards.has(shardName)) shards.set(shardName, { format: FORMAT, types: {} });
    shards.get(shardName).types[type] = compiled;
  }

  mkdirSync(outDir, { recursive: true });
  for (const file of readdirSync(outDir)) {
    const shard = /^([A-Za-z0-9]+_[A-Za-z0-9]+)\.json$/.exec(file)?.[1];
    if (shard && !shards.has(shard)) rmSync(join(outDir, file));
  }
  let bytes = 0;
  const index = {
    format: FORMAT,
    source: `cfn-lint ${version}, ${REGION.replace(/_/g, '-')} resource provider schemas`,
    generated: new Date().toISOString().slice(0, 10),
    shards: {},
  };
  for (const [name, shard] of [...shards].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    index.shards[name] = Object.keys(shard.types).map((type) => type.split('::')[2]);
    // One resource type per line: reviewable diffs when the schemas are refreshed.
    const text = `{"format":${FORMAT},"types":{\n${Object.entries(shard.types).map(([type, c]) => `${JSON.stringify(type)}:${JSON.stringify(c)}`).join(',\n')}\n}}\n`;
    bytes += text.length;
    writeFileSync(join(outDir, `${name}.json`), text);
  }
  const indexText = `${JSON.stringify(index, null, 1)}\n`;
  writeFileSync(join(outDir, 'index.json'), indexText);
  bytes += indexText.length;
  const typeCount = Object.values(index.shards).flat().length;
  console.log(`constraints: ${typeCount} of ${types.length} resource types in ${shards.size} shards, ${(bytes / 1024).toFixed(0)} KB -> ${outDir}`);
  console.log(`constraints: ${stats.formats} formats of values kept (${stats.inferredFormats} inferred from role-ARN patterns), ${stats.arnByName} ARNs by property name`);
  console.log(`constraints: ${stats.patternsKept} patterns kept, ${stats.patternsDropped.length} dropped (do not compile as JavaScript or may backtrack), ${stats.oneOfSkipped} oneOf/anyOf of shapes skipped`);
  console.log(`constraints: ${stats.extensions.length} cfn-lint extension schemas compiled (${extensions.length} paths): ${stats.extensions.join(', ')}`);
  if (process.argv.includes('--verbose')) for (const p of stats.patternsDropped) console.log(`  dropped pattern: ${p}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();

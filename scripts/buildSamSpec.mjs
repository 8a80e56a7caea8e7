#!/usr/bin/env node
// Derives data/sam/samSpec.json, the SAM overlay of the resource catalogue,
// from the JSON schema of AWS SAM resources that ships (as pydantic models)
// with the Python package aws-sam-translator (Apache-2.0). See
// data/sam/README.md. The output is checked in: CI and users do not have
// aws-sam-translator, and scripts/buildCatalog.mjs only reads the JSON.
//
// Usage: node scripts/buildSamSpec.mjs [<source>] [--out <file>]
//   <source>  a SAM JSON schema file (the SAM-only schema of the SAM
//             repository, schema_source/sam.schema.json), or
//             a samtranslator package directory. Default: the samtranslator
//             package python3 imports.
// From a package directory, the schema is generated with the package's own
// code (samtranslator.internal.schema_source.schema.get_schema(SamModel), the
// generator of SAM's published schema; needs python3 and pydantic, which
// aws-sam-translator depends on). The installed wheel does not contain the
// schema as JSON: validator/sam_schema/schema*.json are an old, partial
// validator schema (no LoggingConfig, no Connector...).
//
// Output: exactly the shard format written by buildCatalog.mjs (format,
// resources, propertyTypes; see src/engine/catalog/compiledCatalog.ts) plus
// `$comment` and `source` metadata. Property types are named after the SAM
// resource that uses them (`AWS::Serverless::Function.S3Event`; a definition
// used by several resources is emitted once per resource). Mapping rules:
// - SamIntrinsicable fields (anyOf whose first member is a bare object, the
//   place for Ref/Fn::*) become their plain type: the linter accepts
//   intrinsic functions anywhere.
// - Pass-through properties (PassThroughProp: "passed directly to the X
//   property of an AWS::Y::Z resource") take the type of that CloudFormation
//   property from @aws-cdk/aws-service-spec (compiled in memory with
//   buildCatalog.mjs's compile()), e.g. Function LoggingConfig ->
//   AWS::Lambda::Function.LoggingConfig. Unresolvable ones are `any`.
// - Unions of structs (event sources, authorizers) stay unions.
// - `required` and types come from the schema, except CORRECTIONS (where the
//   translator accepts more than the schema says).
// - SAM marks no replacement behaviour: every entry carries `nr: 1`.
// - Attributes: the schema has none (SAM's GetAtt targets are the generated
//   resources' attributes, see src/engine/cfn/generatedNames.ts), so `a` is
//   empty, like the spec's SAM types.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cmp, compile, SHARD_ENCODING, MEMBER_DOC_LIMIT, readSpec, RESOURCE_DOC_LIMIT, SAM_SPEC_PATH, shortDoc } from './buildCatalog.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFINITION_PREFIX = /^samtranslator__internal__schema_source__([a-z0-9_]+?)__(\w+)$/;
const SCALAR_TYPES = new Set(['string', 'number', 'integer', 'long', 'boolean', 'json', 'timestamp']);
const DOCS_BASE = 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide';

/**
 * Where SAM's schema is stricter than the translator (checked against the
 * aws-sam-translator 1.110.0 sources; a false finding costs more than a missed
 * one). Keyed by schema definition name without the module prefix
 * (`aws_serverless_api__Properties` stays qualified: every resource has one).
 * - notRequired: marked required (pydantic: no default) but defaulted;
 * - orString: typed as an object, but a string is accepted too;
 * - aliases: another accepted spelling of a property (new name -> documented name).
 */
const CORRECTIONS = {
  // model/api/api_generator.py: CorsProperties defaults AllowOrigin to "'*'".
  Cors: { notRequired: ['AllowOrigin'] },
  // api_generator.py _set_endpoint_configuration: a string is the endpoint type
  // (`EndpointConfiguration: REGIONAL`), and `VpcEndpointIds` is accepted like `VPCEndpointIds`.
  aws_serverless_api__Properties: { orString: ['EndpointConfiguration'] },
  EndpointConfiguration: { aliases: { VpcEndpointIds: 'VPCEndpointIds' } },
};

const args = process.argv.slice(2);
const outIdx = args.indexOf('--out');
const outPath = outIdx >= 0 ? resolve(args[outIdx + 1]) : SAM_SPEC_PATH;
const sourceArg = args.find((a, i) => !a.startsWith('--') && (outIdx < 0 || i !== outIdx + 1));

main();

function main() {
  const started = performance.now();
  const sam = loadSamSchema(sourceArg);
  const spec = readSpec();
  const cfn = compile(spec.schema(), `@aws-cdk/aws-service-spec ${spec.version}`, '').shards;
  const stats = { cfnTyped: 0, typed: [], untypedPassThrough: [], corrected: [], correctionsUsed: new Set() };
  const { resources, propertyTypes } = convert(sam.schema, cfn, stats);
  const stale = Object.keys(CORRECTIONS).filter((k) => !stats.correctionsUsed.has(k));
  if (stale.length > 0) throw new Error(`CORRECTIONS name definitions the schema no longer has: ${stale.join(', ')}`);

  const out = {
    $comment:
      `Generated by scripts/buildSamSpec.mjs from aws-sam-translator ${sam.version} (Apache-2.0); ` +
      'do not edit. Refresh: node scripts/buildSamSpec.mjs && npm run build:catalog. See data/sam/README.md.',
    source: {
      package: 'aws-sam-translator',
      version: sam.version,
      license: 'Apache-2.0',
      schema: sam.description,
      passThroughTypes: `@aws-cdk/aws-service-spec ${spec.version}`,
    },
    format: SHARD_ENCODING,
    resources,
    propertyTypes,
  };
  mkdirSync(dirname(outPath), { recursive: true });
  const text = serialize(out);
  writeFileSync(outPath, text);

  if (args.includes('--verbose')) for (const w of stats.typed) console.log(`samSpec: typed from CloudFormation: ${w}`);
  for (const w of stats.untypedPassThrough) console.log(`samSpec: pass-through without a CloudFormation type (any): ${w}`);
  for (const w of stats.corrected) console.log(`samSpec: corrected (CORRECTIONS): ${w}`);
  console.log(
    `samSpec: aws-sam-translator ${sam.version}: ${Object.keys(resources).length} resource types, ` +
      `${Object.keys(propertyTypes).length} property types, ${stats.cfnTyped} pass-through properties typed from ` +
      `CloudFormation, ${(text.length / 1024).toFixed(0)} KB, ${Math.round(performance.now() - started)} ms -> ` +
      relative(repoRoot, outPath),
  );
}

/** The SAM schema, its translator version and a description of where it came from. */
function loadSamSchema(source) {
  if (source && existsSync(source) && statSync(source).isFile()) {
    const file = resolve(source);
    const schema = JSON.parse(readFileSync(file, 'utf8'));
    if (Object.keys(schema.definitions ?? {}).some((k) => k.startsWith('AWS::'))) {
      throw new Error(`${file} is SAM's unified schema (SAM + CloudFormation): use the SAM-only sam.schema.json or a samtranslator directory`);
    }
    return { schema, version: versionNear(file) ?? 'unknown', description: `JSON schema file ${basename(file)}` };
  }
  const packageDir = source ? resolve(source) : locatePackage();
  if (!existsSync(join(packageDir, 'internal', 'schema_source', 'schema.py'))) {
    throw new Error(`${packageDir} is not a samtranslator package with internal/schema_source (a recent aws-sam-translator)`);
  }
  const program = [
    'import json, samtranslator',
    'from samtranslator.internal.schema_source.schema import SamModel, get_schema',
    'print(json.dumps({"version": samtranslator.__version__, "schema": get_schema(SamModel)}))',
  ].join('\n');
  const env = { ...process.env, PYTHONPATH: [dirname(packageDir), process.env.PYTHONPATH].filter(Boolean).join(':') };
  const { version, schema } = JSON.parse(execFileSync('python3', ['-c', program], { env, maxBuffer: 64 << 20, encoding: 'utf8' }));
  return {
    schema,
    version,
    description: 'samtranslator/internal/schema_source (pydantic models), get_schema(SamModel): the generator of SAM\'s published schema_source/sam.schema.json',
  };
}

function locatePackage() {
  try {
    return execFileSync('python3', ['-c', 'import samtranslator,os;print(os.path.dirname(samtranslator.__file__))'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('aws-sam-translator not found: pip install aws-sam-translator, or pass a schema file / package directory');
  }
}

/** `__version__` of the samtranslator package containing `file`, if any. */
function versionNear(file) {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const init = join(dir, '__init__.py');
    if (dir.endsWith('samtranslator') && existsSync(init)) return /__version__\s*=\s*["']([^"']+)/.exec(readFileSync(init, 'utf8'))?.[1];
  }
  return undefined;
}

/** SAM schema -> { resources, propertyTypes } in shard format. */
function convert(schema, cfnShards, stats) {
  const defs = schema.definitions;
  const defOf = (ref) => {
    const name = ref.replace(/^#\/definitions\//, '');
    if (!defs[name]) throw new Error(`dangling schema reference ${ref}`);
    return name;
  };
  const isStruct = (def) => def.type === 'object' && def.properties !== undefined;

  /** Type and enum of a CloudFormation property (`AWS::Lambda::Function` + `LoggingConfig`), or undefined. */
  const cfnProperty = (typeName, prop) => {
    const shard = cfnShards.get(typeName.split('.')[0].split('::').slice(0, 2).join('_'));
    const owner = typeName.includes('.') ? shard?.propertyTypes[typeName] : shard?.resources[typeName];
    return owner && Object.hasOwn(owner.p, prop) ? owner.p[prop] : undefined;
  };

  const resourceDefs = schema.properties.Resources.additionalProperties.anyOf.map((r) => defOf(r.$ref));
  const resources = {};
  const propertyTypes = {};
  for (const defName of resourceDefs) {
    const def = defs[defName];
    const type = def.properties.Type?.enum?.[0];
    if (!type?.startsWith('AWS::Serverless::')) continue; // any_cfn_resource
    const short = type.split('::')[2];
    const structNames = new Map(); // definition name -> full property type name, for this resource
    const pending = [];
    const structName = (name) => {
      let full = structNames.get(name);
      if (full) return full;
      full = `${type}.${DEFINITION_PREFIX.exec(name)?.[2] ?? name}`;
      if ([...structNames.values()].includes(full)) {
        // Two modules define the same class name: qualify with the module.
        const module = DEFINITION_PREFIX.exec(name)?.[1] ?? 'x';
        full = `${type}.${module.replace(/^aws_serverless_/, '').replace(/(^|_)(\w)/g, (_, __, c) => c.toUpperCase())}${DEFINITION_PREFIX.exec(name)?.[2] ?? name}`;
      }
      structNames.set(name, full);
      pending.push(name);
      return full;
    };

    /** JSON schema -> shard type; undefined for an intrinsic-only alternative. */
    const encode = (s, where) => {
      if (s.$ref) {
        const name = defOf(s.$ref);
        if (name === 'PassThroughProp') return 'any';
        if (name === 'Ref') return undefined; // {Ref: ...}: an intrinsic
        return isStruct(defs[name]) ? structName(name) : encode(defs[name], where);
      }
      if (s.allOf) return s.allOf.length === 1 ? encode(s.allOf[0], where) : 'any';
      if (s.anyOf) {
        // SamIntrinsicable[T] = Union[dict, T]: pydantic puts the dict first.
        const members = s.anyOf.filter((m, i) => !(i === 0 && s.anyOf.length > 1 && isBareObject(m)));
        const seen = new Set();
        const types = [];
        for (const m of members) {
          const t = encode(m, where);
          if (t === undefined || seen.has(JSON.stringify(t))) continue;
          seen.add(JSON.stringify(t));
          types.push(t);
        }
        if (types.length === 0) return 'json';
        if (types.includes('any')) return 'any';
        if (types.length === 1) return types[0];
        const SCALARS = ['string', 'number', 'integer', 'boolean'];
        // Several scalar types: the engine would check a scalar against the first one only.
        if (types.every((t) => SCALARS.includes(t))) return types.includes('string') || types.includes('boolean') ? 'string' : 'number';
        return { u: types };
      }
      switch (s.type) {
        case 'string':
        case 'integer':
        case 'number':
        case 'boolean':
          return s.type;
        case 'array':
          return { l: (s.items && encode(s.items, where)) ?? 'any' };
        case 'object':
          if (s.properties) throw new Error(`${where}: inline object schema (expected a definition)`);
          if (s.additionalProperties && typeof s.additionalProperties === 'object') return { m: encode(s.additionalProperties, where) ?? 'json' };
          return 'json';
        case undefined:
          if (s.enum) return 'string';
          return 'any';
        default:
          throw new Error(`${where}: unsupported schema type ${JSON.stringify(s.type)}`);
      }
    };

    const encodeProperties = (owner, where) => {
      const out = {};
      const required = new Set(owner.required ?? []);
      const correctionKey = where.defName.replace(/^samtranslator__internal__schema_source__/, '');
      const correction = CORRECTIONS[correctionKey] ?? {};
      if (CORRECTIONS[correctionKey]) stats.correctionsUsed.add(correctionKey);
      for (const name of correction.notRequired ?? []) {
        if (!required.delete(name)) throw new Error(`CORRECTIONS: ${where.name}.${name} is not required any more`);
        stats.corrected.push(`${where.name}.${name}: not required`);
      }
      const properties = { ...owner.properties };
      for (const [alias, name] of Object.entries(correction.aliases ?? {})) {
        if (!properties[name] || properties[alias]) throw new Error(`CORRECTIONS: cannot alias ${where.name}.${alias} to ${name}`);
        properties[alias] = properties[name];
        stats.corrected.push(`${where.name}.${alias}: alias of ${name}`);
      }
      for (const name of Object.keys(properties).sort(cmp)) {
        const s = properties[name];
        const path = `${where.name}.${name}`;
        const markdown = s.markdownDescription ?? s.description;
        let enc;
        const target = passThroughTarget(s);
        let cfn = target && cfnProperty(target.type, target.property);
        // Under another name SAM often reshapes the value (EndpointConfiguration `Type: REGIONAL`
        // becomes `Types: [REGIONAL]`, Cognito `Trigger` becomes `LambdaConfig`): trust only scalars.
        const renamed = target !== undefined && target.property !== name;
        if (cfn && renamed && !SCALAR_TYPES.has(cfn.t)) cfn = undefined;
        if (cfn) {
          stats.cfnTyped++;
          enc = { t: cfn.t };
          if (cfn.e && !renamed) enc.e = cfn.e;
          stats.typed.push(`${path} -> ${target.type}.${target.property}: ${JSON.stringify(cfn.t)}`);
        } else {
          if (isPassThrough(s)) stats.untypedPassThrough.push(`${path}${target ? ` (${target.type} ${target.property}: ${renamed ? 'renamed, not a scalar' : 'not in the spec'})` : ''}`);
          enc = { t: encode(s, path) ?? 'json' };
          const values = enumOf(s, defs);
          if (values) enc.e = values;
        }
        if (correction.orString?.includes(name)) {
          if (enc.t === 'string' || enc.t.u?.includes('string')) throw new Error(`CORRECTIONS: ${path} accepts strings already`);
          enc.t = { u: ['string', ...(enc.t.u ?? [enc.t])] };
          stats.corrected.push(`${path}: also a string`);
        }
        if (required.has(name)) enc.r = 1;
        const d = docOf(markdown, MEMBER_DOC_LIMIT) ?? (cfn?.d);
        if (d) enc.d = d;
        out[name] = enc;
      }
      return out;
    };

    const propertiesRef = def.properties.Properties?.$ref ?? def.properties.Properties?.allOf?.[0]?.$ref;
    const propertiesDefName = propertiesRef ? defOf(propertiesRef) : undefined;
    resources[type] = {
      d: `AWS SAM resource, expanded by the AWS::Serverless-2016-10-31 transform. [Documentation](${DOCS_BASE}/sam-resource-${short.toLowerCase()}.html)`,
      p: propertiesDefName ? encodeProperties(defs[propertiesDefName], { name: type, defName: propertiesDefName }) : {},
      a: {},
      nr: 1,
    };
    if (resources[type].d.length > RESOURCE_DOC_LIMIT) throw new Error(`${type}: resource doc too long`);
    while (pending.length > 0) {
      const name = pending.shift();
      const full = structNames.get(name);
      propertyTypes[full] = { p: encodeProperties(defs[name], { name: full, defName: name.replace(DEFINITION_PREFIX, '$2') }), nr: 1 };
    }
  }
  return { resources: sortKeys(resources), propertyTypes: sortKeys(propertyTypes) };
}

/** `{type: object}` and nothing else (titles and descriptions aside). */
function isBareObject(s) {
  return s.type === 'object' && !s.$ref && !s.properties && !s.additionalProperties && !s.anyOf && !s.allOf;
}

function isPassThrough(s) {
  return s.$ref === '#/definitions/PassThroughProp' || (s.allOf?.length === 1 && s.allOf[0].$ref === '#/definitions/PassThroughProp');
}

/**
 * The CloudFormation property a SAM property is passed to unchanged:
 * `__samPassThrough.schemaPath` when the model names it, else, for a
 * PassThroughProp, the doc's "passed directly to the [`X`](...) property of an
 * `AWS::Y::Z` resource" (only resource-level targets: nested ones are often
 * reshaped by SAM, e.g. S3 event `Events` takes a list where the bucket
 * notification `Event` is a string).
 */
function passThroughTarget(s) {
  if (!isPassThrough(s)) return undefined; // SAM types the value itself
  const path = s.__samPassThrough?.schemaPath;
  if (path) {
    // ['definitions', 'AWS::Lambda::Function', 'properties', 'Properties', 'properties', 'X'] or
    // ['definitions', 'AWS::Lambda::Function.Code', 'properties', 'X'].
    const type = path[1];
    const property = path[path.length - 1];
    return { type, property };
  }
  const m = /passed directly to the \[`([A-Za-z0-9]+)`\]\([^)]*\) property of an? `(AWS::[A-Za-z0-9]+::[A-Za-z0-9]+)` resource/.exec(
    s.markdownDescription ?? '',
  );
  return m ? { type: m[2], property: m[1] } : undefined;
}

/** Allowed values of a property: its own enum, or the enum of its only non-intrinsic alternative or list element. */
function enumOf(s, defs) {
  if (s.enum) return s.enum.map(String);
  if (s.allOf?.length === 1) return s.allOf[0].$ref ? undefined : enumOf(s.allOf[0], defs);
  if (s.anyOf) {
    const members = s.anyOf.filter((m, i) => !(i === 0 && s.anyOf.length > 1 && isBareObject(m)));
    return members.length === 1 ? enumOf(members[0], defs) : undefined;
  }
  if (s.type === 'array' && s.items) return enumOf(s.items, defs);
  return undefined;
}

/** First paragraph of a SAM markdownDescription (before "*Type*: ..."), shortened like the spec's docs. */
function docOf(markdown, limit) {
  if (!markdown || /^TODO\b/.test(markdown.trim())) return undefined;
  const lead = markdown
    .split(/ {2}\n|\n\s*\n/)[0]
    .trim()
    .replace(/\\\$1/g, '+') // "Api\$1Path\$1Method": a mangled "+" in SAM's docs
    .replace(/\\([\\`*_{}[\]()#+\-.!$~&=,:/?'])/g, '$1'); // markdown escapes
  if (!lead || lead.startsWith('*Type*')) return undefined;
  return shortDoc(lead, limit);
}

function sortKeys(record) {
  return Object.fromEntries(Object.keys(record).sort(cmp).map((k) => [k, record[k]]));
}

/** One resource / property type per line: compact, and diffs of a refresh stay readable. */
function serialize(out) {
  const section = (record) =>
    `{\n${Object.entries(record)
      .map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
      .join(',\n')}\n  }`;
  return (
    `{\n  "$comment": ${JSON.stringify(out.$comment)},\n  "source": ${JSON.stringify(out.source)},\n  "format": ${out.format},\n` +
    `  "resources": ${section(out.resources)},\n  "propertyTypes": ${section(out.propertyTypes)}\n}\n`
  );
}

import { openApiRule } from './openapiRule';
import { openApiModel } from '../openapi/model';
import { officialValidator } from '../openapi/officialSchemas';
import { documentJson } from '../openapi/plain';
import { explainSchemaErrors } from '../openapi/schemaErrors';
import type { SchemaIssue } from '../openapi/schemaErrors';
import { renderIssue } from '../openapi/schemaMessages';
import { locationKind } from '../openapi/locations';
import { walkPointer } from '../openapi/pointer';
import { holderSpan, propertyKeySpan, valueSpan } from '../openapi/spans';
import { renameFixes } from '../util/edits';
import type { Rule } from './rule';
import type { OpenApiModel } from '../openapi/model';
import { unsupportedVersion } from '../openapi/version';

/**
 * Issues that a more specific rule reports with a better message: reporting them here too
 * would show the same problem twice.
 */
function ownedByAnotherRule(issue: SchemaIssue): boolean {
  const last = issue.tokens[issue.tokens.length - 1];
  const parent = locationKind(issue.tokens.slice(0, -1));
  const valueCheck = issue.keyword === 'enum' || issue.keyword === 'const' || issue.keyword === 'type';
  // oas-responses
  if (issue.where === 'operation' && issue.keyword === 'required' && issue.property === 'responses') return true;
  if (issue.where === 'responses' && (issue.keyword === 'minProperties' || issue.keyword === 'not')) return true;
  // oas-parameter-in
  if (parent === 'parameter' && (last === 'in' || last === 'required') && valueCheck) return true;
  if (issue.where === 'parameter' && issue.keyword === 'required' && issue.property === 'required') return true;
  // oas-schema-type (schemas, and the 2.0 schema-like parameters, headers and items)
  if ((parent === 'schema' || parent === 'parameter' || parent === 'header') && last === 'type' && valueCheck) return true;
  return false;
}

/** The document must be valid against the official OpenAPI schema of its version. */
export const openApiSchemaRule = openApiRule({
  id: 'oas-schema',
  description: 'The document must match the official JSON schema of its OpenAPI version (2.0, 3.0, 3.1 or 3.2): required fields, field names, value types and allowed values.',
  defaultSeverity: 'error',
  check(context, model) {
    const issues = explainSchemaErrors(officialValidator(model.version), documentJson(model.document, model.root));
    // Minors after 3.2 are checked against the 3.2 schema, which only knows 3.2.x: `oas-version` says so.
    const laterVersion = isLaterMinor(model);
    for (const issue of issues) {
      if (ownedByAnotherRule(issue)) continue;
      if (laterVersion && issue.tokens.length === 1 && issue.tokens[0] === 'openapi') continue;
      const node = walkPointer(model.root, issue.tokens).node;
      if (!node) continue;
      const actual = node.kind === 'scalar' ? node.value : undefined;
      const rendered = renderIssue(issue, actual);
      let span = rendered.anchor.at === 'holder' ? holderSpan(node, model) : valueSpan(node, model);
      if (rendered.anchor.at === 'property') span = propertyKeySpan(node, rendered.anchor.property) ?? span;
      const fixes = rendered.anchor.at !== 'holder' ? renameFixes(context.document.text, span, rendered.suggestions) : [];
      context.report(span, rendered.message, fixes);
    }
  },
});

/** A 3.x minor after the last one ArchLens has a schema for (3.3.0 is validated as 3.2). */
function isLaterMinor(model: OpenApiModel): boolean {
  return model.version === '3.2' && !/^3\.2(\.|$)/.test(model.versionText);
}

/**
 * A declared version ArchLens has no schema for: the file is named as OpenAPI but nothing else can
 * be checked, which must be said rather than passed over in silence.
 */
export const openApiVersionRule: Rule = {
  id: 'oas-version',
  description: 'The openapi / swagger field must name a version ArchLens validates (2.0, 3.0.x, 3.1.x, 3.2.x); a later 3.x minor is checked against the 3.2 schema, with a warning.',
  defaultSeverity: 'error',
  appliesTo: ['openapi'],
  check(context) {
    const root = context.document.root;
    const unsupported = unsupportedVersion(root);
    if (unsupported) {
      context.report(unsupported.value.span, `${unsupported.key.text}: ${unsupported.text} is not a version ArchLens can validate (Swagger 2.0, OpenAPI 3.0.x, 3.1.x and 3.2.x), so nothing else in this file was checked. Declare one of those versions.`);
      return;
    }
    const model = openApiModel(context);
    if (model && isLaterMinor(model)) {
      context.report(model.versionKey.span, `OpenAPI ${model.versionText} is newer than the latest version ArchLens knows (3.2): the file is checked against the 3.2 schema, so fields new in ${model.versionText} may be reported as unknown.`, [], 'warning');
    }
  },
};

/** An OpenAPI file over the analysis size limit (see PARSE_LIMITS.maxOpenApiChars). */
export const openApiSizeLimitRule: Rule = {
  id: 'oas-size-limit',
  description: 'OpenAPI files are analysed up to 50 MB (4x the largest real description known, GitHub\'s 13 MB); a larger file is reported and not checked.',
  defaultSeverity: 'warning',
  appliesTo: ['openapi'],
  runsOnBrokenDocuments: true,
  check({ document, report }) {
    for (const problem of document.problems) if (problem.code === 'openapi-size-limit') report(problem.span, problem.message);
  },
};

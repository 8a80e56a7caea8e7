import { openApiRule } from './openapiRule';
import { officialValidator } from '../openapi/officialSchemas';
import { toJson } from '../openapi/plain';
import { explainSchemaErrors } from '../openapi/schemaErrors';
import type { SchemaIssue } from '../openapi/schemaErrors';
import { renderIssue } from '../openapi/schemaMessages';
import { locationKind } from '../openapi/locations';
import { walkPointer } from '../openapi/pointer';
import { holderSpan, propertyKeySpan, valueSpan } from '../openapi/spans';
import { renameFixes } from '../util/edits';

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
  description: 'The document must match the official JSON schema of its OpenAPI version (2.0, 3.0 or 3.1): required fields, field names, value types and allowed values.',
  defaultSeverity: 'error',
  check(context, model) {
    const issues = explainSchemaErrors(officialValidator(model.version), toJson(model.root));
    // Versions after 3.1 (3.2) are checked against the 3.1 schema, which only knows 3.1.x.
    const laterVersion = model.version === '3.1' && !/^3\.1\./.test(model.versionText);
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

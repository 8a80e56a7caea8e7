import type { Rule } from './rule';

/** YAML/JSON errors, duplicate keys, unknown tags and parser limits. */
export const syntaxRule: Rule = {
  id: 'cfn-syntax',
  description: 'The file must be valid YAML or strict JSON: no syntax errors, duplicate keys, unknown tags or runaway aliases.',
  defaultSeverity: 'error',
  appliesTo: ['cloudformation', 'sam', 'openapi'],
  runsOnBrokenDocuments: true,
  check({ document, report }) {
    // An OpenAPI file over its size limit is not a syntax error: `oas-size-limit` says so.
    for (const problem of document.problems) if (problem.code !== 'openapi-size-limit') report(problem.span, problem.message);
  },
};

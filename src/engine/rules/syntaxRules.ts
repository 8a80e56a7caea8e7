import type { Rule } from './rule';

/** YAML/JSON errors, duplicate keys, unknown tags and parser limits. */
export const syntaxRule: Rule = {
  id: 'cfn-syntax',
  description: 'The file must be valid YAML or strict JSON: no syntax errors, duplicate keys, unknown tags or runaway aliases.',
  defaultSeverity: 'error',
  appliesTo: ['cloudformation', 'sam', 'openapi'],
  runsOnBrokenDocuments: true,
  check({ document, report }) {
    for (const problem of document.problems) report(problem.span, problem.message);
  },
};

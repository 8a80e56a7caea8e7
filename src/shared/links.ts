/** The project's home; rule documentation links are built from it (SARIF help, diagnostics). */
export const PROJECT_URI = 'https://github.com/archlens/archlens';

/** Link to a rule's documentation page. */
export function ruleDocUrl(ruleId: string): string {
  return `${PROJECT_URI}/blob/main/docs/rules/${encodeURIComponent(ruleId)}.md`;
}

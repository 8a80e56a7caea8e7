/**
 * CloudFormation's YAML short-form tags and the long-form keys they stand for.
 * `!GetAtt A.B` becomes `{ "Fn::GetAtt": "A.B" }` (the rules accept both the
 * dotted string and the list form).
 */
export const SHORT_FORM_TAGS: ReadonlyMap<string, string> = new Map([
  ['!Ref', 'Ref'],
  ['!Condition', 'Condition'],
  ['!GetAtt', 'Fn::GetAtt'],
  ['!Sub', 'Fn::Sub'],
  ['!If', 'Fn::If'],
  ['!Equals', 'Fn::Equals'],
  ['!Not', 'Fn::Not'],
  ['!And', 'Fn::And'],
  ['!Or', 'Fn::Or'],
  ['!FindInMap', 'Fn::FindInMap'],
  ['!Select', 'Fn::Select'],
  ['!Split', 'Fn::Split'],
  ['!Join', 'Fn::Join'],
  ['!GetAZs', 'Fn::GetAZs'],
  ['!ImportValue', 'Fn::ImportValue'],
  ['!Base64', 'Fn::Base64'],
  ['!Cidr', 'Fn::Cidr'],
  ['!Transform', 'Fn::Transform'],
  ['!ForEach', 'Fn::ForEach'],
  ['!Length', 'Fn::Length'],
  ['!ToJsonString', 'Fn::ToJsonString'],
  // Functions of the template `Rules` section.
  ['!Contains', 'Fn::Contains'],
  ['!EachMemberEquals', 'Fn::EachMemberEquals'],
  ['!EachMemberIn', 'Fn::EachMemberIn'],
  ['!RefAll', 'Fn::RefAll'],
  ['!ValueOf', 'Fn::ValueOf'],
  ['!ValueOfAll', 'Fn::ValueOfAll'],
]);

/**
 * Resolves a YAML tag of a template: CloudFormation short forms, and the
 * `!Rain::Embed` / `!Rain::Module` directives of the Rain CLI (kept as opaque
 * `Rain::...` keys: they are expanded by `rain pkg` before deployment).
 */
export function resolveTemplateTag(tag: string): string | undefined {
  const longForm = SHORT_FORM_TAGS.get(tag);
  if (longForm !== undefined) return longForm;
  return tag.startsWith('!Rain::') ? tag.slice(1) : undefined;
}

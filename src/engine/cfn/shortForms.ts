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
]);

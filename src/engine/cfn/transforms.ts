import type { TemplateModel } from './template';

/** Transforms AWS hosts, whose effect on a template is known. */
const AWS_TRANSFORMS: ReadonlySet<string> = new Set([
  'AWS::Serverless-2016-10-31',
  'AWS::LanguageExtensions',
  'AWS::Include',
  'AWS::CodeDeployBlueGreen',
  'AWS::SecretsManager-2020-07-23',
  'AWS::SecretsManager-2024-09-16',
  'AWS::ServiceCatalog',
]);

/**
 * Whether the template runs a macro of its own (`Transform: Count`, `Boto3`...).
 * A macro may consume keys CloudFormation itself would reject (e.g. a `Count`
 * resource attribute or its own `Fn::` functions), so rules about such keys stay quiet.
 */
export function hasCustomMacro(template: TemplateModel): boolean {
  return template.transforms.some((name) => !AWS_TRANSFORMS.has(name));
}

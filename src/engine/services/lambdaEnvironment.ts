// Lambda environment variables: names Lambda reserves for itself, and the 4 KB limit on all of
// them together. Both fail at deploy time ("Lambda was unable to configure your environment
// variables because the environment variables you have provided contains reserved keys",
// "...exceeded the maximum allowed size of 4 KB").
//
// Source: the Lambda developer guide, "Defined runtime environment variables" (reserved keys) and
// "Lambda quotas" (4 KB for all environment variables); cfn-lint 1.51.0's E3663
// (data/schemas/extensions/aws_lambda_function/environment_variable_keys.json: the same 18 names)
// and E3697 (keys and string values summed).
import type { TemplateModel } from '../cfn/template';
import { getValue } from '../document/located';
import { groupDigits } from '../util/compareText';
import { resourcesOf, type ServiceProblem } from './resourceIndex';

/** Names Lambda sets itself and refuses in a function's configuration. */
export const RESERVED_ENVIRONMENT_NAMES: ReadonlySet<string> = new Set([
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
]);

/** All environment variables of one function together: names and values, in bytes. */
export const MAX_ENVIRONMENT_BYTES = 4096;

/** UTF-8 length of a string (the engine has no TextEncoder): 1 to 4 bytes a code point. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair: one code point of 4 bytes.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Reserved names and oversized environments of the template's functions (Lambda and SAM). */
export function lambdaEnvironmentProblems(template: TemplateModel | undefined): ServiceProblem[] {
  const problems: ServiceProblem[] = [];
  for (const fn of resourcesOf(template, 'AWS::Lambda::Function', 'AWS::Serverless::Function')) {
    const variables = getValue(getValue(fn.properties, 'Environment'), 'Variables');
    if (variables?.kind !== 'mapping') continue;
    let bytes = 0;
    for (const pair of variables.pairs) {
      const name = pair.key.text;
      if (RESERVED_ENVIRONMENT_NAMES.has(name)) {
        problems.push({ node: pair.key, message: `${name} is an environment variable Lambda sets itself (${fn.name}): Lambda refuses it. Use another name.` });
      }
      bytes += utf8Length(name);
      // Values from intrinsics are not known here: counted as empty, so the total is a lower bound.
      if (pair.value.kind === 'scalar' && pair.value.value !== null) bytes += utf8Length(pair.value.text);
    }
    if (bytes > MAX_ENVIRONMENT_BYTES) {
      problems.push({ node: variables, message: `The environment variables of ${fn.name} take ${groupDigits(bytes)} bytes (names and literal values), over the ${groupDigits(MAX_ENVIRONMENT_BYTES)} bytes Lambda allows for all of them: the deployment fails. Move large values to SSM Parameter Store or Secrets Manager.` });
    }
  }
  return problems;
}

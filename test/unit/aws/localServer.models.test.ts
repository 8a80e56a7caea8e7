// The input models of the local server's handler modules agree with the SDK's own models
// (node_modules/@aws-sdk/client-*/dist-types/models): every member a model names exists on the
// operation's request shape, `required` is exactly the members without `?`, and an enum rule
// lists exactly the values of the member's enum type. A new operation or an SDK update that
// changes a shape fails here instead of letting the test server accept what AWS rejects.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { ServiceDefinition } from '../../support/aws/core/service';
import { cloudFormationService, CloudFormationState } from '../../support/aws/services/cloudFormation';
import { codeArtifactService, CodeArtifactState } from '../../support/aws/services/codeArtifact';
import { glueService, GlueState } from '../../support/aws/services/glue';
import { logsService, LogsState } from '../../support/aws/services/logs';
import { stsService, StsState } from '../../support/aws/services/sts';
import { pricingService, PricingState } from '../../support/aws/services/pricing';

interface SdkMember {
  readonly required: boolean;
  /** The member's type as written, e.g. `PackageFormat`, `StackStatus[]`, `number`. */
  readonly type: string;
}

function modelsText(client: string): string {
  const dir = join('node_modules', '@aws-sdk', client, 'dist-types', 'models');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.d.ts'))
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('\n');
}

/** Members of `export interface <name> { ... }` in the SDK's declarations. */
function requestShape(text: string, operation: string): Map<string, SdkMember> | undefined {
  for (const name of [`${operation}Input`, `${operation}Request`]) {
    const start = text.indexOf(`export interface ${name} {`);
    if (start < 0) continue;
    const body = text.slice(start, text.indexOf('\n}', start));
    const members = new Map<string, SdkMember>();
    for (const match of body.matchAll(/^ {4}(\w+)(\??): (.+?)(?: \| undefined)?;$/gm)) members.set(match[1]!, { required: match[2] !== '?', type: match[3]! });
    return members;
  }
  return undefined;
}

/** Values of `export declare const <name>: { readonly X: "value"; ... }`. */
function enumValues(text: string, name: string): string[] | undefined {
  const start = text.indexOf(`export declare const ${name}: {`);
  if (start < 0) return undefined;
  const body = text.slice(start, text.indexOf('};', start));
  return [...body.matchAll(/readonly \w+: "([^"]*)";/g)].map((m) => m[1]!);
}

const SERVICES: [string, ServiceDefinition][] = [
  ['client-cloudformation', cloudFormationService(new CloudFormationState([]))],
  ['client-sts', stsService(new StsState())],
  ['client-cloudwatch-logs', logsService(new LogsState([]))],
  ['client-codeartifact', codeArtifactService(new CodeArtifactState([]))],
  ['client-glue', glueService(new GlueState([]))],
  ['client-pricing', pricingService(new PricingState([]))],
];

void describe('local server input models agree with the SDK models', () => {
  for (const [client, service] of SERVICES) {
    void test(`${service.name}: members, required members and enums of every operation`, () => {
      const text = modelsText(client);
      for (const [operation, spec] of Object.entries(service.operations)) {
        const shape = requestShape(text, operation);
        assert.ok(shape, `${client} has no request shape for ${operation}`);
        const model = spec.input ?? {};
        for (const [member, rule] of Object.entries(model)) {
          const sdk = shape.get(member);
          assert.ok(sdk, `${service.name} ${operation}: ${member} is not a member of the SDK's request`);
          assert.equal(rule.required === true, sdk.required, `${service.name} ${operation}: ${member} required`);
          if (rule.enum === undefined) continue;
          const enumName = sdk.type.replace(/\[\]$/, '');
          const values = enumValues(text, enumName);
          assert.ok(values, `${service.name} ${operation}: ${member} has an enum rule, but its SDK type ${sdk.type} is not an enum`);
          assert.deepEqual([...rule.enum].sort(), values.sort(), `${service.name} ${operation}: ${member} enum values`);
        }
        const missing = [...shape].filter(([member, m]) => m.required && !Object.hasOwn(model, member)).map(([member]) => member);
        assert.deepEqual(missing, [], `${service.name} ${operation}: required members the model does not check`);
      }
    });
  }
});

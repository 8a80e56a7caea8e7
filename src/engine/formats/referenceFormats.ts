/**
 * What a `Ref` or `Fn::GetAtt` returns, as formats (cfn-lint's E1041 / E1040 read the same
 * data): a `Ref` to an `AWS::EC2::VPC` returns a VPC id, `!GetAtt Role.Arn` an IAM role ARN,
 * a `Ref` to an `AWS::IAM::Role` its name (no format), a `Ref` to a parameter of type
 * `AWS::EC2::Subnet::Id` a subnet id. Unknown results (custom resources, nested stacks, SAM
 * types, `String` parameters, pseudo parameters...) are undefined: nothing is checked.
 */

import type { LocatedNode } from '../document/located';
import { getValue } from '../document/located';
import type { IntrinsicCall } from '../cfn/intrinsics';
import type { TemplateModel } from '../cfn/template';
import type { ConstraintSource, FormatNames, ResourceConstraints } from '../constraints/constraintTypes';
import { isNoValue } from '../constraints/noValue';
import { ANY_ARN } from './formatCatalog';

/** What a reference returns. */
export interface ReferenceFormat {
  /** The reference as a person reads it: `!Ref MyRole`, `!GetAtt MyKey.Arn`. */
  readonly shown: string;
  /** The formats the value may have; empty when it is a plain string (a name, a generated id). */
  readonly formats: readonly string[];
  /** For `Fn::GetAtt`: the attribute read (`Arn`, `Endpoint.Address`). */
  readonly attribute?: string;
  /** For a message when the value has no format: "the AWS::IAM::Role's name or id". */
  readonly plain: string;
  /** Another way to read the same target that returns one of `expected` (`!GetAtt MyRole.Arn`), if there is exactly one. */
  alternative(expected: readonly string[]): string | undefined;
}

/** Parameter types whose values have a format (`List<...>` of them: the list format). */
const PARAMETER_FORMATS: ReadonlyMap<string, string> = new Map([
  ['AWS::EC2::VPC::Id', 'AWS::EC2::VPC.Id'],
  ['AWS::EC2::Subnet::Id', 'AWS::EC2::Subnet.Id'],
  ['AWS::EC2::SecurityGroup::Id', 'AWS::EC2::SecurityGroup.Id'],
  ['AWS::EC2::SecurityGroup::GroupName', 'AWS::EC2::SecurityGroup.Name'],
  ['AWS::EC2::Image::Id', 'AWS::EC2::Image.Id'],
  ['AWS::EC2::Instance::Id', 'AWS::EC2::Instance.Id'],
  ['AWS::EC2::KeyPair::KeyName', 'AWS::EC2::KeyPair.KeyName'],
  ['AWS::EC2::AvailabilityZone::Name', 'AWS::EC2::AvailabilityZone.Name'],
  ['AWS::EC2::Volume::Id', 'AWS::EC2::Volume.Id'],
  ['AWS::Route53::HostedZone::Id', 'AWS::Route53::HostedZone.Id'],
]);

/**
 * SAM types whose `Ref` and `Fn::GetAtt` are those of the resource SAM generates under the same
 * logical id (SAM's documentation of each type: a function's `Ref` is its name, its `Arn` its ARN...).
 */
const SAM_GENERATED: ReadonlyMap<string, string> = new Map([
  ['AWS::Serverless::Function', 'AWS::Lambda::Function'],
  ['AWS::Serverless::StateMachine', 'AWS::StepFunctions::StateMachine'],
  ['AWS::Serverless::SimpleTable', 'AWS::DynamoDB::Table'],
  ['AWS::Serverless::LayerVersion', 'AWS::Lambda::LayerVersion'],
  ['AWS::Serverless::Api', 'AWS::ApiGateway::RestApi'],
  ['AWS::Serverless::HttpApi', 'AWS::ApiGatewayV2::Api'],
]);

/** The provider-schema type whose results a resource's `Ref` / `Fn::GetAtt` give. */
function resultType(type: string): string {
  return SAM_GENERATED.get(type) ?? type;
}

/** Types whose `Fn::GetAtt` results are whatever the template author made them (cfn-lint's E1040 exceptions). */
const OPAQUE_GETATT_TYPES: ReadonlySet<string> = new Set(['AWS::CloudFormation::CustomResource', 'AWS::CloudFormation::Stack', 'AWS::ServiceCatalog::CloudFormationProvisionedProduct']);

function asList(formats: FormatNames | 0 | undefined): readonly string[] {
  if (formats === undefined || formats === 0) return [];
  return typeof formats === 'string' ? [formats] : formats;
}

function scalarText(node: LocatedNode | undefined): string | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node.text : undefined;
}

/** The format of a parameter type's values: `AWS::EC2::VPC.Id`, `AWS::EC2::Subnet.Ids` for a list; undefined for String and the like. */
export function parameterFormat(type: string): string | undefined {
  const ssm = /^AWS::SSM::Parameter::Value<(.+)>$/.exec(type);
  const valueType = ssm ? ssm[1]! : type;
  const list = /^List<(.+)>$/.exec(valueType);
  const single = PARAMETER_FORMATS.get(list ? list[1]! : valueType);
  return single === undefined ? undefined : list ? `${single}s` : single;
}

/** The target and attribute of a `Fn::GetAtt` with literal arguments (`A.B.C` or `[A, B.C]`). */
function getAttTarget(argument: LocatedNode): { name: string; attribute: string } | undefined {
  const text = scalarText(argument);
  if (text !== undefined) {
    const dot = text.indexOf('.');
    return dot > 0 ? { name: text.slice(0, dot), attribute: text.slice(dot + 1) } : undefined;
  }
  if (argument.kind !== 'sequence' || argument.items.length !== 2) return undefined;
  const name = scalarText(argument.items[0]);
  const attribute = scalarText(argument.items[1]);
  return name !== undefined && attribute !== undefined ? { name, attribute } : undefined;
}

/**
 * A `Ref` to an `AWS::EC2::SecurityGroup` returns its id in a VPC and its name in the default
 * VPC (cfn-lint's E1041 reads `VpcId` the same way); when `VpcId` may vanish, either.
 */
function securityGroupRef(properties: LocatedNode | undefined, formats: readonly string[]): readonly string[] {
  const vpcId = getValue(properties, 'VpcId');
  if (vpcId === undefined || isNoValue(vpcId)) return formats.filter((format) => format === 'AWS::EC2::SecurityGroup.Name');
  const call = vpcId.kind === 'mapping' && vpcId.pairs.length === 1 && vpcId.pairs[0]!.key.text === 'Fn::If' ? vpcId.pairs[0]!.value : undefined;
  if (call?.kind === 'sequence' && call.items.some(isNoValue)) return formats;
  return formats.filter((format) => format === 'AWS::EC2::SecurityGroup.Id');
}

function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/**
 * Another reading of a resource that returns one of `expected`: its Ref or one of its attributes.
 * Readings that return only expected formats (`GroupId`) beat ones that may return others (`Id`: an id or a name).
 */
function alternativeFor(name: string, data: ResourceConstraints, expected: readonly string[], exclude: string): string | undefined {
  if (expected.includes(ANY_ARN)) return exclude !== 'Arn' && own(data.ga, 'Arn') !== undefined ? `!GetAtt ${name}.Arn` : undefined;
  const exact: string[] = [];
  const partial: string[] = [];
  const consider = (shown: string, formats: FormatNames | 0 | undefined): void => {
    const list = asList(formats);
    if (list.length === 0 || !list.some((format) => expected.includes(format))) return;
    (list.every((format) => expected.includes(format)) ? exact : partial).push(shown);
  };
  if (exclude !== 'Ref') consider(`!Ref ${name}`, data.rf);
  for (const [attribute, formats] of Object.entries(data.ga ?? {})) if (attribute !== exclude) consider(`!GetAtt ${name}.${attribute}`, formats);
  const options = exact.length > 0 ? exact : partial;
  return options.length === 1 ? options[0] : options.find((option) => option.endsWith('.Arn'));
}

/** What a `Ref` or `Fn::GetAtt` returns, or undefined when it is not known. */
export function referenceFormat(call: IntrinsicCall, template: TemplateModel, source: ConstraintSource): ReferenceFormat | undefined {
  if (call.name === 'Ref') {
    const name = scalarText(call.argument);
    if (name === undefined) return undefined;
    const parameter = template.parameters.get(name);
    if (parameter) {
      const type = scalarText(getValue(parameter.node, 'Type'));
      const format = type === undefined ? undefined : parameterFormat(type);
      if (format === undefined) return undefined;
      return { shown: `!Ref ${name}`, formats: [format], plain: '', alternative: () => undefined };
    }
    const resource = template.resources.get(name);
    if (!resource?.type) return undefined;
    const type = resultType(resource.type);
    const data = source.resource(type);
    if (!data) return undefined;
    let formats = asList(data.rf);
    if (type === 'AWS::EC2::SecurityGroup') formats = securityGroupRef(resource.properties, formats);
    return { shown: `!Ref ${name}`, formats, plain: `the ${resource.type}'s name or id`, alternative: (expected) => alternativeFor(name, data, expected, 'Ref') };
  }
  if (call.name !== 'Fn::GetAtt') return undefined;
  const target = getAttTarget(call.argument);
  if (!target) return undefined;
  const resource = template.resources.get(target.name);
  if (!resource?.type || OPAQUE_GETATT_TYPES.has(resource.type)) return undefined;
  // An SSM parameter's value is whatever was stored: a role ARN, a VPC id...
  if (resource.type === 'AWS::SSM::Parameter' && target.attribute === 'Value') return undefined;
  const type = resultType(resource.type);
  const data = source.resource(type);
  const formats = own(data?.ga, target.attribute);
  if (!data || formats === undefined) return undefined;
  return {
    shown: `!GetAtt ${target.name}.${target.attribute}`,
    attribute: target.attribute,
    formats: asList(formats),
    plain: `the ${resource.type}'s ${target.attribute}`,
    alternative: (expected) => alternativeFor(target.name, data, expected, target.attribute),
  };
}

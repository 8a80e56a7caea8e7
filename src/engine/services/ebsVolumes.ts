// EBS volume limits by volume type: provisioned IOPS, throughput, size and Multi-Attach, for
// AWS::EC2::Volume and the `Ebs` of block-device mappings. The resource schemas type these as bare
// integers; the limits depend on `VolumeType`, and EC2 rejects a volume outside them at deploy time.
//
// Source: the Amazon EC2 API reference for CreateVolume (Iops, Throughput, Size, MultiAttachEnabled),
// as shipped in the documentation of @aws-sdk/client-ec2 3.1178.0. cfn-lint 1.51.0's E3671
// (extension schema aws_ec2_instance/blockdevicemappings.json) has the same io1/io2 figures and an
// older gp3 maximum (16,000 IOPS; EC2 now accepts 80,000). That E3671 part (Iops required for
// io1/io2, its range per type) is compiled into the constraint data for block-device mappings and
// reported by the constraint rules, so here mappings get only what it lacks.
import type { TemplateModel } from '../cfn/template';
import type { LocatedNode } from '../document/located';
import { getValue } from '../document/located';
import { literalInteger, literalString, resourcesOf } from './resourceIndex';
import { groupDigits } from '../util/compareText';

interface Range {
  readonly min: number;
  readonly max: number;
}

interface VolumeTypeLimits {
  /** Provisioned IOPS, or undefined when the type takes none. */
  readonly iops?: Range & { readonly required: boolean };
  /** Provisioned throughput in MiB/s, or undefined when the type takes none. */
  readonly throughput?: Range;
  /** Size in GiB. */
  readonly size: Range;
  readonly multiAttach: boolean;
}

/** Per volume type (CloudFormation compares the type case-insensitively). */
export const EBS_VOLUME_LIMITS: ReadonlyMap<string, VolumeTypeLimits> = new Map([
  ['gp2', { size: { min: 1, max: 16_384 }, multiAttach: false }],
  ['gp3', { iops: { min: 3_000, max: 80_000, required: false }, throughput: { min: 125, max: 2_000 }, size: { min: 1, max: 65_536 }, multiAttach: false }],
  ['io1', { iops: { min: 100, max: 64_000, required: true }, size: { min: 4, max: 16_384 }, multiAttach: true }],
  ['io2', { iops: { min: 100, max: 256_000, required: true }, size: { min: 4, max: 65_536 }, multiAttach: true }],
  ['st1', { size: { min: 125, max: 16_384 }, multiAttach: false }],
  ['sc1', { size: { min: 125, max: 16_384 }, multiAttach: false }],
  ['standard', { size: { min: 1, max: 1_024 }, multiAttach: false }],
]);

export interface EbsProblem {
  readonly node: LocatedNode;
  readonly message: string;
  readonly severity?: 'warning';
}

/** One volume's properties to judge, and where they sit. */
interface VolumeSpec {
  readonly node: LocatedNode;
  readonly label: string;
  /** `Size` on AWS::EC2::Volume, `VolumeSize` in block-device mappings. */
  readonly sizeKey: string;
  /** AWS::EC2::Volume (CreateVolume) or a block-device mapping (RunInstances and friends). */
  readonly standalone: boolean;
}

const formatNumber = groupDigits;

/** The key node of `name` in a mapping (for findings about a property that should not be there). */
function keyOf(mapping: LocatedNode, name: string): LocatedNode | undefined {
  return mapping.kind === 'mapping' ? mapping.pairs.find((pair) => pair.key.text === name)?.key : undefined;
}

/** Whether a property is surely set: present, and not an `Fn::If` that may give `AWS::NoValue`. */
function surelySet(node: LocatedNode | undefined): node is LocatedNode {
  return node !== undefined && !(node.kind === 'mapping' && node.pairs.some((pair) => pair.key.text === 'Fn::If'));
}

function rangeProblem(node: LocatedNode | undefined, value: number | undefined, range: Range, what: string, unit: string, type: string, label: string): EbsProblem | undefined {
  if (node === undefined || value === undefined || (value >= range.min && value <= range.max)) return undefined;
  return { node, message: `${what} ${formatNumber(value)}${unit} of ${label} is outside the range EC2 accepts for ${type} volumes (${formatNumber(range.min)}-${formatNumber(range.max)}${unit}). Use a value in that range, or another VolumeType.` };
}

function checkVolume(spec: VolumeSpec, problems: EbsProblem[]): void {
  const { node, label, standalone } = spec;
  const typeNode = literalString(getValue(node, 'VolumeType'));
  if (!typeNode) return; // Without a literal type the limits are unknown (the default depends on the AMI or the account).
  const type = (typeNode.value as string).toLowerCase();
  const limits = EBS_VOLUME_LIMITS.get(type);
  if (!limits) return; // An unknown type is reported by the schema's enum.
  const iopsNode = getValue(node, 'Iops');
  const iops = literalInteger(iopsNode);
  if (limits.iops) {
    // For mappings, cfn-lint's E3671 data already says this (the constraint rules report it).
    if (standalone && iopsNode === undefined && limits.iops.required) {
      problems.push({ node: typeNode, message: `${label} is an ${type} volume without Iops: EC2 requires the provisioned IOPS of io1 and io2 volumes. Add Iops (${formatNumber(limits.iops.min)}-${formatNumber(limits.iops.max)}).` });
    }
    const out = standalone ? rangeProblem(iopsNode, iops, limits.iops, 'Iops', '', type, label) : undefined;
    if (out) problems.push(out);
  } else if (surelySet(iopsNode)) {
    const key = keyOf(node, 'Iops')!;
    problems.push(
      standalone
        ? { node: key, message: `Iops is not supported for ${type} volumes (${label}): EC2 rejects it. Remove Iops, or use io1, io2 or gp3 for provisioned IOPS.` }
        : { node: key, message: `Iops is ignored for ${type} volumes (${label}). Remove Iops, or use io1, io2 or gp3 for provisioned IOPS.`, severity: 'warning' },
    );
  }
  const throughputNode = getValue(node, 'Throughput');
  if (surelySet(throughputNode)) {
    if (limits.throughput) {
      const out = rangeProblem(throughputNode, literalInteger(throughputNode), limits.throughput, 'Throughput', ' MiB/s', type, label);
      if (out) problems.push(out);
    } else {
      problems.push({ node: keyOf(node, 'Throughput')!, message: `Throughput is supported for gp3 volumes only (${label} is ${type}): EC2 rejects it. Remove Throughput, or use VolumeType gp3.` });
    }
  }
  const sizeNode = getValue(node, spec.sizeKey);
  const size = rangeProblem(sizeNode, literalInteger(sizeNode), limits.size, spec.sizeKey, ' GiB', type, label);
  if (size) problems.push(size);
  const multiAttach = getValue(node, 'MultiAttachEnabled');
  if (standalone && !limits.multiAttach && multiAttach?.kind === 'scalar' && (multiAttach.value === true || multiAttach.text.trim().toLowerCase() === 'true')) {
    problems.push({ node: multiAttach, message: `Multi-Attach is supported with io1 and io2 volumes only (${label} is ${type}): EC2 rejects it. Set MultiAttachEnabled to false, or use io1 or io2.` });
  }
}

/** The `Ebs` of each entry of a BlockDeviceMappings list. */
function mappingVolumes(mappings: LocatedNode | undefined, label: string, out: VolumeSpec[]): void {
  if (mappings?.kind !== 'sequence') return;
  mappings.items.forEach((mapping, i) => {
    const ebs = getValue(mapping, 'Ebs');
    if (ebs?.kind === 'mapping') out.push({ node: ebs, label: `${label}.BlockDeviceMappings[${i}].Ebs`, sizeKey: 'VolumeSize', standalone: false });
  });
}

/** Every volume of the template whose limits can be judged. */
function volumes(template: TemplateModel | undefined): VolumeSpec[] {
  const out: VolumeSpec[] = [];
  for (const volume of resourcesOf(template, 'AWS::EC2::Volume')) {
    if (volume.properties?.kind === 'mapping') out.push({ node: volume.properties, label: volume.name, sizeKey: 'Size', standalone: true });
  }
  for (const resource of resourcesOf(template, 'AWS::EC2::Instance', 'AWS::AutoScaling::LaunchConfiguration')) {
    mappingVolumes(getValue(resource.properties, 'BlockDeviceMappings'), resource.name, out);
  }
  for (const resource of resourcesOf(template, 'AWS::EC2::LaunchTemplate')) {
    mappingVolumes(getValue(getValue(resource.properties, 'LaunchTemplateData'), 'BlockDeviceMappings'), `${resource.name}.LaunchTemplateData`, out);
  }
  for (const resource of resourcesOf(template, 'AWS::EC2::SpotFleet')) {
    const specifications = getValue(getValue(resource.properties, 'SpotFleetRequestConfigData'), 'LaunchSpecifications');
    if (specifications?.kind !== 'sequence') continue;
    specifications.items.forEach((specification, i) => mappingVolumes(getValue(specification, 'BlockDeviceMappings'), `${resource.name}.LaunchSpecifications[${i}]`, out));
  }
  return out;
}

/** The EBS limits every literal volume of the template breaks. */
export function ebsVolumeProblems(template: TemplateModel | undefined): EbsProblem[] {
  const problems: EbsProblem[] = [];
  for (const spec of volumes(template)) checkVolume(spec, problems);
  return problems;
}

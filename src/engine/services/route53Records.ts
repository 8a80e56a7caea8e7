// Route 53 record sets as CloudFormation and Route 53 take them: a HostedZoneName ends with a dot,
// a record's Name lies in its hosted zone, and an alias record has no TTL or ResourceRecords of its
// own. Each fails at deploy time ("... is not permitted in zone ...", "Tried to create an alias that
// targets ..., but the alias record has a TTL").
//
// Source: the AWS::Route53::RecordSet reference (HostedZoneName: "include a trailing dot"; Name;
// AliasTarget: "If you're creating an alias resource record set, omit TTL"); cfn-lint 1.51.0's
// E3041 and E3029 check the same (E3029 the TTL only). Names compare case-insensitively, as DNS does.
import type { TemplateModel } from '../cfn/template';
import type { LocatedNode } from '../document/located';
import { getPair, getValue } from '../document/located';
import { literalString, resourcesOf, type ServiceProblem } from './resourceIndex';

const absolute = (name: string): string => (name.endsWith('.') ? name : `${name}.`).toLowerCase();

/** One record set (a RecordSet resource, or an item of a RecordSetGroup) against its hosted zone's literal name. */
function checkRecord(owner: string, record: LocatedNode, zone: string | undefined, problems: ServiceProblem[]): void {
  const name = literalString(getValue(record, 'Name'));
  if (zone !== undefined && name) {
    const wanted = absolute(zone);
    const actual = absolute(name.text);
    if (actual !== wanted && !actual.endsWith(`.${wanted}`)) {
      problems.push({ node: name, message: `Record ${name.text} of ${owner} is not in its hosted zone ${zone}: Route 53 refuses it. Use a name that ends with ${wanted.slice(0, -1)}, or another hosted zone.` });
    }
  }
  if (!getPair(record, 'AliasTarget')) return;
  for (const key of ['TTL', 'ResourceRecords']) {
    const pair = getPair(record, key);
    if (pair) problems.push({ node: pair.key, message: `${owner} is an alias record (AliasTarget), which takes no ${key}: Route 53 uses the target's. Remove ${key}.` });
  }
}

/** The literal HostedZoneName of a record set or group, reported when it lacks its trailing dot. */
function zoneOf(owner: string, container: LocatedNode | undefined, problems: ServiceProblem[]): string | undefined {
  const zone = literalString(getValue(container, 'HostedZoneName'));
  if (!zone) return undefined;
  if (!zone.text.endsWith('.')) problems.push({ node: zone, message: `The HostedZoneName of ${owner} must end with a dot ('${zone.text}.'): CloudFormation does not find the zone without it.` });
  return zone.text;
}

/** What the template's record sets get wrong about their zone and aliases, as far as literal values tell. */
export function route53RecordProblems(template: TemplateModel | undefined): ServiceProblem[] {
  const problems: ServiceProblem[] = [];
  for (const record of resourcesOf(template, 'AWS::Route53::RecordSet')) {
    if (record.properties?.kind !== 'mapping') continue;
    checkRecord(record.name, record.properties, zoneOf(record.name, record.properties, problems), problems);
  }
  for (const group of resourcesOf(template, 'AWS::Route53::RecordSetGroup')) {
    const zone = zoneOf(group.name, group.properties, problems);
    const records = getValue(group.properties, 'RecordSets');
    if (records?.kind === 'sequence') for (const item of records.items) if (item.kind === 'mapping') checkRecord(group.name, item, zone, problems);
  }
  return problems;
}

// Route 53 TXT (and SPF) records: each character-string of a value is at most 255 characters
// (RFC 1035 3.3; Route 53 answers "TXTRDATATooLong"). A long value such as a DKIM key must be
// split into several quoted strings in one value: `"v=DKIM1; k=rsa; p=MIIB..." "...rest"`.
import type { TemplateModel } from '../cfn/template';
import type { LocatedNode, ScalarNode } from '../document/located';
import { getValue } from '../document/located';
import { literalString, resourcesOf } from './resourceIndex';

/** The most characters one TXT character-string may hold. */
export const TXT_STRING_LIMIT = 255;

/**
 * The lengths of the character-strings of one TXT value as Route 53 reads it: each
 * `"..."` is one string (`\"` and `\\` and `\DDD` count as one character); a value with no
 * quotes at all is a single string.
 */
export function txtStringLengths(value: string): number[] {
  if (!value.includes('"')) return [value.length];
  const lengths: number[] = [];
  let i = 0;
  while (i < value.length) {
    if (value[i] !== '"') {
      i++;
      continue;
    }
    let length = 0;
    i++;
    while (i < value.length && value[i] !== '"') {
      if (value[i] === '\\') i += /^\d{3}$/.test(value.slice(i + 1, i + 4)) ? 4 : 2;
      else i++;
      length++;
    }
    lengths.push(length);
    i++;
  }
  return lengths;
}

export interface TxtProblem {
  readonly node: ScalarNode;
  readonly message: string;
}

/** The record sets of the template: the RecordSet resources and each RecordSetGroup entry. */
function recordSets(template: TemplateModel | undefined): { record: LocatedNode; label: string }[] {
  const out: { record: LocatedNode; label: string }[] = [];
  for (const resource of resourcesOf(template, 'AWS::Route53::RecordSet')) {
    if (resource.properties) out.push({ record: resource.properties, label: resource.name });
  }
  for (const group of resourcesOf(template, 'AWS::Route53::RecordSetGroup')) {
    const sets = getValue(group.properties, 'RecordSets');
    if (sets?.kind === 'sequence') sets.items.forEach((record, i) => out.push({ record, label: `${group.name} RecordSets[${i}]` }));
  }
  return out;
}

/** Every literal TXT/SPF record value with a character-string over 255 characters. */
export function longTxtStrings(template: TemplateModel | undefined): TxtProblem[] {
  const problems: TxtProblem[] = [];
  for (const { record, label } of recordSets(template)) {
    const type = literalString(getValue(record, 'Type'))?.value;
    if (type !== 'TXT' && type !== 'SPF') continue;
    const values = getValue(record, 'ResourceRecords');
    if (values?.kind !== 'sequence') continue;
    for (const item of values.items) {
      const value = literalString(item);
      if (value === undefined) continue;
      const lengths = txtStringLengths(value.value as string);
      const index = lengths.findIndex((length) => length > TXT_STRING_LIMIT);
      if (index < 0) continue;
      const which = lengths.length > 1 ? `String ${index + 1} of this ${type} value` : `This ${type} value`;
      problems.push({
        node: value,
        message: `${which} (${label}) has ${lengths[index]!} characters: Route 53 allows ${TXT_STRING_LIMIT} per character-string. Split it into several quoted strings in the same value, e.g. "first 255 characters" "the rest".`,
      });
    }
  }
  return problems;
}

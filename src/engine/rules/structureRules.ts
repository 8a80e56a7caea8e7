import type { Rule } from './rule';
import { TEMPLATE_KINDS } from './rule';
import { didYouMean, suggest } from '../util/suggest';

const SECTIONS = ['AWSTemplateFormatVersion', 'Description', 'Metadata', 'Parameters', 'Rules', 'Mappings', 'Conditions', 'Transform', 'Resources', 'Outputs', 'Hooks'];
const SAM_SECTIONS = [...SECTIONS, 'Globals'];

/** Top-level keys must be CloudFormation sections (plus `Globals` with SAM). */
export const unknownSectionRule: Rule = {
  id: 'cfn-unknown-section',
  description: 'Top-level keys must be template sections (AWSTemplateFormatVersion, Description, Metadata, Parameters, Rules, Mappings, Conditions, Transform, Resources, Outputs, Hooks; Globals with SAM).',
  defaultSeverity: 'error',
  appliesTo: TEMPLATE_KINDS,
  check({ template, report }) {
    if (!template) return;
    const allowed = template.isSam ? SAM_SECTIONS : SECTIONS;
    for (const pair of template.root.pairs) {
      const name = pair.key.text;
      if (allowed.includes(name)) continue;
      const extra = name === 'Globals' ? ' `Globals` needs the SAM transform (Transform: AWS::Serverless-2016-10-31).' : didYouMean(suggest(name, allowed));
      report(pair.key.span, `Unknown top-level section '${name}'.${extra}`);
    }
  },
};

/** `Resources` must exist, be a mapping and hold at least one resource. */
export const resourcesRequiredRule: Rule = {
  id: 'cfn-resources-required',
  description: 'A template needs a non-empty Resources section.',
  defaultSeverity: 'error',
  appliesTo: TEMPLATE_KINDS,
  check({ template, document, report }) {
    if (!template) {
      if (document.root) report(document.root.span, 'A template must be a mapping of sections with a Resources section.');
      return;
    }
    const pair = template.sections.get('Resources');
    if (!pair) {
      const first = template.root.pairs[0];
      report(first ? first.key.span : template.root.span, 'The template has no Resources section; CloudFormation requires at least one resource.');
      return;
    }
    if (pair.value.kind !== 'mapping') {
      report(pair.value.kind === 'scalar' && pair.value.span.start === pair.value.span.end ? pair.key.span : pair.value.span, 'Resources must be a mapping of logical ids to resource definitions.');
      return;
    }
    if (pair.value.pairs.length === 0) report(pair.key.span, 'Resources is empty; CloudFormation requires at least one resource.');
  },
};

/** `AWSTemplateFormatVersion` has a single valid value. */
export const templateVersionRule: Rule = {
  id: 'cfn-template-version',
  description: "AWSTemplateFormatVersion, when present, must be the string '2010-09-09'.",
  defaultSeverity: 'error',
  appliesTo: TEMPLATE_KINDS,
  check({ template, report }) {
    const pair = template?.sections.get('AWSTemplateFormatVersion');
    if (!pair) return;
    const value = pair.value;
    // An unquoted 2010-09-09 is a string in YAML 1.2 core, which is what CloudFormation reads.
    if (value.kind === 'scalar' && value.text === '2010-09-09') return;
    const shown = value.kind === 'scalar' ? `'${value.text}'` : `a ${value.kind}`;
    report(value.kind === 'scalar' && value.text === '' ? pair.key.span : value.span, `AWSTemplateFormatVersion must be '2010-09-09', not ${shown}.`);
  },
};

const LOGICAL_ID = /^[A-Za-z0-9]+$/;

/** Logical ids of parameters, resources, conditions, mappings and outputs. */
export const logicalIdRule: Rule = {
  id: 'cfn-logical-id',
  description: 'Logical ids of resources, parameters, mappings and outputs must be alphanumeric (A-Za-z0-9) and at most 255 characters (condition names are not restricted).',
  defaultSeverity: 'error',
  appliesTo: TEMPLATE_KINDS,
  check({ template, report }) {
    if (!template) return;
    // Condition names are not held to this: CloudFormation accepts e.g. `A&B` (the aws-vpc Quick Start uses it).
    const sections = [
      ['resource', template.resources],
      ['parameter', template.parameters],
      ['mapping', template.mappings],
      ['output', template.outputs],
    ] as const;
    for (const [label, entries] of sections) {
      for (const entry of entries.values()) {
        const name = entry.name;
        // `Fn::ForEach::Loop` keys in Resources/Outputs/Conditions are loops, not ids.
        if (name.startsWith('Fn::ForEach::')) continue;
        if (!LOGICAL_ID.test(name)) report(entry.keyNode.span, `The ${label} id '${name}' must contain only letters A-Z, a-z and digits 0-9.`);
        else if (name.length > 255) report(entry.keyNode.span, `The ${label} id is ${name.length} characters long; the limit is 255.`);
      }
    }
  },
};

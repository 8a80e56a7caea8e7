import type { Rule, RuleContext } from './rule';
import { TEMPLATE_KINDS } from './rule';
import type { Span } from '../document/located';
import type { TemplateModel } from '../cfn/template';

/**
 * CloudFormation quotas that a template can break on its own ("CloudFormation quotas",
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html).
 */
export const TEMPLATE_LIMITS = {
  resources: 500,
  parameters: 200,
  outputs: 200,
  mappings: 200,
  /** Top-level keys of one mapping, and attributes under one key. */
  mappingAttributes: 200,
  /** Template body in an S3 object: 1 MB. */
  bodyBytes: 1_048_576,
  /** Template body passed in the request (`TemplateBody`, `--template-body`). */
  inlineBodyBytes: 51_200,
  descriptionBytes: 1024,
  /** Parameter values, and so defaults. */
  parameterValueCharacters: 4096,
} as const;

/** UTF-8 byte length of a string (what CloudFormation counts), without Node's Buffer. */
export function utf8Length(text: string): number {
  // Templates are nearly always ASCII; a native regex scan is far cheaper than the loop.
  if (!NON_ASCII.test(text)) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3; // Other BMP characters; a lone surrogate is written as U+FFFD (3 bytes).
  }
  return bytes;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** 51200 -> `51,200` (locale-independent). */
const format = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Where to report a whole-template problem: the first top-level key. */
function templateSpan(context: RuleContext): Span {
  const first = context.template?.root.pairs[0];
  return first ? first.key.span : { start: 0, end: Math.min(1, context.document.text.length) };
}

function checkCounts(context: RuleContext, template: TemplateModel): void {
  const sections = [
    ['Resources', 'resources', template.resources.size, TEMPLATE_LIMITS.resources],
    ['Parameters', 'parameters', template.parameters.size, TEMPLATE_LIMITS.parameters],
    ['Outputs', 'outputs', template.outputs.size, TEMPLATE_LIMITS.outputs],
    ['Mappings', 'mappings', template.mappings.size, TEMPLATE_LIMITS.mappings],
  ] as const;
  for (const [section, label, count, limit] of sections) {
    const pair = template.sections.get(section);
    if (pair && count > limit) {
      const hint = section === 'Resources' ? ' Split the template into nested stacks.' : '';
      context.report(pair.key.span, `The template declares ${format(count)} ${label}; CloudFormation allows at most ${limit} per template.${hint}`);
    }
  }
  for (const mapping of template.mappings.values()) {
    if (mapping.node.kind !== 'mapping') continue;
    if (mapping.node.pairs.length > TEMPLATE_LIMITS.mappingAttributes) {
      context.report(mapping.keyNode.span, `Mapping '${mapping.name}' has ${mapping.node.pairs.length} keys; CloudFormation allows at most ${TEMPLATE_LIMITS.mappingAttributes}.`);
    }
    for (const pair of mapping.node.pairs) {
      if (pair.value.kind === 'mapping' && pair.value.pairs.length > TEMPLATE_LIMITS.mappingAttributes) {
        context.report(pair.key.span, `Key '${pair.key.text}' of mapping '${mapping.name}' has ${pair.value.pairs.length} attributes; CloudFormation allows at most ${TEMPLATE_LIMITS.mappingAttributes}.`);
      }
    }
  }
}

function checkDescription(context: RuleContext, template: TemplateModel): void {
  const description = template.sections.get('Description')?.value;
  if (description?.kind !== 'scalar' || description.value === null) return;
  const bytes = utf8Length(description.text);
  if (bytes > TEMPLATE_LIMITS.descriptionBytes) {
    context.report(description.span, `The template Description is ${format(bytes)} bytes; CloudFormation allows at most ${format(TEMPLATE_LIMITS.descriptionBytes)}.`);
  }
}

function checkParameterValues(context: RuleContext, template: TemplateModel): void {
  for (const parameter of template.parameters.values()) {
    if (parameter.node.kind !== 'mapping') continue;
    for (const pair of parameter.node.pairs) {
      if (pair.key.text !== 'Default' || pair.value.kind !== 'scalar') continue;
      if (pair.value.text.length > TEMPLATE_LIMITS.parameterValueCharacters) {
        context.report(pair.value.span, `The Default of parameter '${parameter.name}' is ${format(pair.value.text.length)} characters; parameter values are limited to ${format(TEMPLATE_LIMITS.parameterValueCharacters)}.`);
      }
    }
  }
}

/** Hard CloudFormation quotas: counts per template, body size, description size. */
export const limitsRule: Rule = {
  id: 'cfn-limits',
  description: 'Templates must stay within CloudFormation quotas: 500 resources, 200 parameters, outputs and mappings, 1 MB body, 1,024-byte Description, 4,096-character parameter values.',
  defaultSeverity: 'error',
  appliesTo: TEMPLATE_KINDS,
  check(context) {
    const bytes = utf8Length(context.document.text);
    if (bytes > TEMPLATE_LIMITS.bodyBytes) {
      context.report(templateSpan(context), `The template is ${format(bytes)} bytes; CloudFormation accepts templates of at most ${format(TEMPLATE_LIMITS.bodyBytes)} bytes (1 MB), even from S3.`);
    }
    const template = context.template;
    if (!template) return;
    checkCounts(context, template);
    checkDescription(context, template);
    checkParameterValues(context, template);
  },
};

/** Templates over 51,200 bytes cannot be passed inline. */
export const templateSizeRule: Rule = {
  id: 'cfn-template-size',
  description: 'A template over 51,200 bytes cannot be passed inline (TemplateBody, --template-body); it must be uploaded to S3 and passed as TemplateURL.',
  defaultSeverity: 'warning',
  appliesTo: TEMPLATE_KINDS,
  check(context) {
    const bytes = utf8Length(context.document.text);
    if (bytes <= TEMPLATE_LIMITS.inlineBodyBytes || bytes > TEMPLATE_LIMITS.bodyBytes) return;
    context.report(
      templateSpan(context),
      `The template is ${format(bytes)} bytes, over the ${format(TEMPLATE_LIMITS.inlineBodyBytes)}-byte limit for an inline template body: upload it to S3 and deploy with a TemplateURL (for example \`aws cloudformation deploy --s3-bucket ...\`).`,
    );
  },
};

import type { LineIndex } from './document/lineIndex';
import type { LocatedNode } from './document/located';
import { getValue } from './document/located';
import type { Finding } from './findings';
import type { TemplateModel } from './cfn/template';

/** A rule set: undefined means "every rule". */
type RuleSet = ReadonlySet<string> | undefined;

interface LineSuppression {
  readonly line: number;
  readonly rules: RuleSet;
}

interface BlockSuppression {
  readonly fromLine: number;
  toLine: number;
  readonly rules: RuleSet;
}

interface SpanSuppression {
  readonly start: number;
  readonly end: number;
  readonly rules: RuleSet;
}

const DIRECTIVE = /(^|[\s])#\s*archlens-(disable-next-line|disable-line|disable|enable)\b([^\n\r]*)/g;

/**
 * Suppressions from comments (`# archlens-disable-next-line <rule>`,
 * `# archlens-disable-line`, `# archlens-disable` ... `# archlens-enable`) and
 * template metadata (`Metadata: { archlens: { ignore: [...] } }` on the template
 * or on a resource). Rule lists are comma or space separated; none means all rules.
 */
export class Suppressions {
  private readonly lines: LineSuppression[] = [];
  private readonly blocks: BlockSuppression[] = [];
  private readonly spans: SpanSuppression[] = [];

  constructor(text: string, lineIndex: LineIndex, template: TemplateModel | undefined) {
    this.readComments(text, lineIndex);
    if (template) this.readMetadata(template);
  }

  /** Whether a finding is suppressed. */
  isSuppressed(finding: Finding): boolean {
    const line = finding.range.start.line;
    for (const entry of this.lines) if (entry.line === line && matches(entry.rules, finding.rule)) return true;
    for (const block of this.blocks) if (line >= block.fromLine && line <= block.toLine && matches(block.rules, finding.rule)) return true;
    for (const span of this.spans) if (finding.span.start >= span.start && finding.span.start < span.end && matches(span.rules, finding.rule)) return true;
    return false;
  }

  private readComments(text: string, lineIndex: LineIndex): void {
    if (!text.includes('archlens-')) return;
    const open = new Map<string, BlockSuppression>();
    DIRECTIVE.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = DIRECTIVE.exec(text)) !== null) {
      const kind = match[2]!;
      const rules = parseRuleList(match[3]!);
      const line = lineIndex.positionAt(match.index + match[1]!.length).line;
      if (kind === 'disable-next-line') this.lines.push({ line: line + 1, rules });
      else if (kind === 'disable-line') this.lines.push({ line, rules });
      else if (kind === 'disable') {
        const block: BlockSuppression = { fromLine: line, toLine: Number.MAX_SAFE_INTEGER, rules };
        this.blocks.push(block);
        open.set(ruleKey(rules), block);
      } else if (rules === undefined) {
        for (const block of open.values()) block.toLine = line;
        open.clear();
      } else {
        const key = ruleKey(rules);
        const block = open.get(key);
        if (block) {
          block.toLine = line;
          open.delete(key);
        }
      }
    }
  }

  private readMetadata(template: TemplateModel): void {
    const templateIgnore = metadataIgnore(getValue(template.root, 'Metadata'));
    if (templateIgnore) this.spans.push({ start: 0, end: Number.MAX_SAFE_INTEGER, rules: templateIgnore });
    for (const resource of template.resources.values()) {
      const ignore = metadataIgnore(getValue(resource.node, 'Metadata'));
      // The resource's key is included so findings on the logical id are covered too.
      if (ignore) this.spans.push({ start: resource.keyNode.span.start, end: resource.node.span.end, rules: ignore });
    }
  }
}

function metadataIgnore(metadata: LocatedNode | undefined): ReadonlySet<string> | undefined {
  const ignore = getValue(getValue(metadata, 'archlens'), 'ignore');
  if (ignore?.kind !== 'sequence') return undefined;
  const rules = ignore.items.flatMap((item) => (item.kind === 'scalar' ? [item.text] : []));
  return rules.length > 0 ? new Set(rules) : undefined;
}

function parseRuleList(rest: string): RuleSet {
  // Text after `--` is a free-form reason.
  const withoutReason = rest.split('--')[0]!;
  const ids = withoutReason.split(/[\s,]+/).filter((id) => /^[a-z][a-z0-9-]*$/.test(id));
  return ids.length > 0 ? new Set(ids) : undefined;
}

function ruleKey(rules: RuleSet): string {
  return rules ? [...rules].sort().join(',') : '*';
}

function matches(rules: RuleSet, rule: string): boolean {
  return rules === undefined || rules.has(rule);
}

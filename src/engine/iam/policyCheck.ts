/**
 * Checks every IAM policy document of a template (found through the table in
 * policyLocations.ts, so only known policy paths are visited): the document's structure, each
 * statement's elements for the kind of policy (identity, trust, resource), Sids, and through
 * policyElements.ts the actions, resources, principals and conditions. Computed once per
 * document and shared by the rules that report each kind.
 */
import type { LocatedNode, MappingNode, ParsedDocument, ScalarNode } from '../document/located';
import type { Catalog } from '../catalog/catalogTypes';
import type { TemplateModel } from '../cfn/template';
import { EntryMemo, keepsEntries, NO_ENVIRONMENT } from '../cfn/entryMemo';
import { moveIssues } from '../util/edits';
import { isNoValue } from '../constraints/constraintCheck';
import { asIntrinsic } from '../cfn/intrinsics';
import { suggest } from '../util/suggest';
import { spendBudget } from '../util/workBudget';
import type { IamActionSource } from './iamActions';
import { anchorOf, IssueSink, type IamIssue } from './iamIssues';
import { checkActions, checkCondition, checkPrincipal, checkResources, hasFunctionKeys } from './policyElements';
import { policySites, possibleValues, type PolicyProfile, type PolicySite } from './policyLocations';
import { IDENTITY_MAPPER, parsePolicyText } from './policyText';

const DOCUMENT_KEYS = ['Version', 'Id', 'Statement'];
const STATEMENT_KEYS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];
/** Statements checked per document at most (IAM's largest policies hold a few hundred). */
const MAX_STATEMENTS = 5_000;

const cache = new WeakMap<ParsedDocument, readonly IamIssue[]>();
/** Each resource's policy issues, kept across analyses (cfn/entryMemo.ts), per catalogue (its action data). */
const memos = new WeakMap<Catalog, EntryMemo<readonly IamIssue[]>>();

/** Every IAM policy problem of the template; a resource that an edit left alone keeps its issues. */
export function checkIamPolicies(document: ParsedDocument, template: TemplateModel, catalog: Catalog): readonly IamIssue[] {
  const cached = cache.get(document);
  if (cached) return cached;
  const issues: IamIssue[] = [];
  const sites = policySites(template);
  if (!keepsEntries(document)) {
    for (const site of sites) checkSite(document.text, site, catalog.iamActions, issues);
    cache.set(document, issues);
    return issues;
  }
  let memo = memos.get(catalog);
  if (!memo) memos.set(catalog, (memo = new EntryMemo(moveIssues)));
  // Sites come in resource order; a policy's check reads only its own resource.
  for (let at = 0; at < sites.length; ) {
    const resource = sites[at]!.resource;
    let end = at + 1;
    while (end < sites.length && sites[end]!.resource === resource) end++;
    const group = sites.slice(at, end);
    const kept = memo.through(document, { key: resource.keyNode, value: resource.node }, NO_ENVIRONMENT, () => {
      const own: IamIssue[] = [];
      for (const site of group) checkSite(document.text, site, catalog.iamActions, own);
      return own;
    });
    for (const issue of kept) issues.push(issue);
    at = end;
  }
  cache.set(document, issues);
  return issues;
}

function checkSite(text: string, site: PolicySite, actions: IamActionSource | undefined, issues: IamIssue[]): void {
  const node = site.node;
  if (node.kind === 'scalar') {
    if (typeof node.value !== 'string') {
      if (node.value !== null) new IssueSink(text, IDENTITY_MAPPER, issues).report('policy-structure', node, `The policy document of ${site.resource.name} must be a mapping (or a JSON string), not '${node.text}'.`);
      return;
    }
    const parsed = parsePolicyText(text, node);
    if (parsed === undefined) return;
    if ('problem' in parsed) {
      new IssueSink(text, IDENTITY_MAPPER, issues).report('policy-structure', node, `The policy document of ${site.resource.name} is a string but not JSON: ${parsed.problem}.`);
      return;
    }
    new PolicyDocumentCheck(new IssueSink(text, parsed.mapper, issues), site, actions).check(parsed.root);
    return;
  }
  new PolicyDocumentCheck(new IssueSink(text, IDENTITY_MAPPER, issues), site, actions).check(node);
}

/** Whether a statement element is there: `yes`, `maybe` (an `Fn::If` with an `AWS::NoValue` branch) or `no`. */
function presence(statement: MappingNode, key: string): 'yes' | 'maybe' | 'no' {
  const pair = statement.pairs.find((p) => p.key.text === key);
  if (pair === undefined || isNoValue(pair.value)) return 'no';
  const call = asIntrinsic(pair.value);
  if (call?.name === 'Fn::If' && call.argument.kind === 'sequence' && call.argument.items.some(isNoValue)) return 'maybe';
  return 'yes';
}

class PolicyDocumentCheck {
  private readonly profile: PolicyProfile;
  private statements = 0;

  constructor(
    private readonly sink: IssueSink,
    private readonly site: PolicySite,
    private readonly actions: IamActionSource | undefined,
  ) {
    this.profile = site.profile;
  }

  check(root: LocatedNode): void {
    if (root.kind !== 'mapping') {
      this.sink.report('policy-structure', root, `The policy document of ${this.site.resource.name} must be a mapping with a Statement, not a ${root.kind === 'sequence' ? 'list' : 'value'}.`);
      return;
    }
    if (hasFunctionKeys(root)) return;
    let statementTypo = false;
    for (const pair of root.pairs) {
      const key = pair.key.text;
      if (DOCUMENT_KEYS.includes(key)) continue;
      const suggestions = suggest(key, DOCUMENT_KEYS);
      if (suggestions.includes('Statement')) statementTypo = true;
      this.sink.report('policy-structure', pair.key, `'${key}' is not a policy document element (Version, Id, Statement).`, { suggestions, replaceable: true });
    }
    const version = root.pairs.find((p) => p.key.text === 'Version');
    if (version) this.checkVersion(version.value);
    const id = root.pairs.find((p) => p.key.text === 'Id');
    if (id && id.value.kind !== 'scalar' && asIntrinsic(id.value) === undefined) this.sink.report('policy-structure', id.value, 'Id must be a string.');
    const statement = root.pairs.find((p) => p.key.text === 'Statement');
    if (statement === undefined) {
      if (!statementTypo) this.sink.report('policy-structure', anchorOf(root), `The policy document of ${this.site.resource.name} has no Statement.`);
      return;
    }
    this.checkStatements(statement.value);
  }

  private checkVersion(node: LocatedNode): void {
    for (const value of possibleValues(node)) {
      const text = value.kind === 'scalar' ? value.text : undefined;
      if (text === '2012-10-17') continue;
      if (text === '2008-10-17') {
        this.sink.report('policy-structure', value, "Version '2008-10-17' is the old policy language: policy variables such as ${aws:username} are not replaced. Use '2012-10-17'.", { severity: 'warning' });
        continue;
      }
      this.sink.report('policy-structure', value, `Version ${text === undefined ? 'must be a string' : `'${text}' is not a policy language version`}: use '2012-10-17'.`);
    }
  }

  private checkStatements(node: LocatedNode): void {
    for (const value of possibleValues(node)) {
      // Each branch of an `Fn::If` around the whole Statement is a policy of its own.
      const sids = new Map<string, ScalarNode>();
      if (value.kind === 'mapping') {
        this.checkStatement(value, sids, false);
        continue;
      }
      if (value.kind === 'scalar') {
        this.sink.report('policy-structure', value, 'Statement must be a statement (a mapping with Effect, Action...) or a list of statements.');
        continue;
      }
      for (const item of value.items) {
        const branches = possibleValues(item);
        for (const branch of branches) {
          if (branch.kind === 'mapping') this.checkStatement(branch, sids, branches.length > 1 || branch !== item);
          else this.sink.report('policy-structure', branch, 'Each item of Statement must be a statement (a mapping with Effect, Action...).');
        }
      }
    }
  }

  private checkStatement(statement: MappingNode, sids: Map<string, ScalarNode>, conditional: boolean): void {
    spendBudget();
    if (++this.statements > MAX_STATEMENTS || hasFunctionKeys(statement)) return;
    const typos = new Set<string>();
    for (const pair of statement.pairs) {
      const key = pair.key.text;
      if (STATEMENT_KEYS.includes(key)) continue;
      const suggestions = suggest(key, STATEMENT_KEYS);
      for (const s of suggestions) typos.add(s);
      this.sink.report('policy-structure', pair.key, `'${key}' is not a statement element (${STATEMENT_KEYS.join(', ')}).`, { suggestions, replaceable: true });
    }
    const value = (key: string): LocatedNode | undefined => statement.pairs.find((p) => p.key.text === key)?.value;
    const anchor = anchorOf(statement);
    const missing = (keys: string[]): boolean => keys.every((k) => presence(statement, k) === 'no' && !typos.has(k));

    // Effect
    const effect = value('Effect');
    if (effect === undefined) {
      if (missing(['Effect'])) this.sink.report('policy-structure', anchor, 'This statement has no Effect: add Effect: Allow or Effect: Deny.');
    } else {
      for (const v of possibleValues(effect)) {
        if (v.kind === 'scalar' && (v.value === 'Allow' || v.value === 'Deny')) continue;
        const text = v.kind === 'scalar' ? v.text : undefined;
        this.sink.report('policy-structure', v, `Effect ${text === undefined ? 'must be a string' : `'${text}'`} must be Allow or Deny.`, { suggestions: text === undefined ? [] : suggest(text, ['Allow', 'Deny'], 1), replaceable: true });
      }
    }

    this.exactlyOne(statement, 'Action', 'NotAction', true, typos);
    const kind = this.profile.kind;
    if (kind === 'trust') {
      for (const key of ['Resource', 'NotResource']) {
        const pair = statement.pairs.find((p) => p.key.text === key);
        if (pair && presence(statement, key) === 'yes') this.sink.report('policy-structure', pair.key, `A trust policy (AssumeRolePolicyDocument) cannot have ${key}: the role itself is the resource. Remove it.`);
      }
    } else {
      this.exactlyOne(statement, 'Resource', 'NotResource', this.profile.resourceRequired, typos);
    }
    if (kind === 'identity') {
      for (const key of ['Principal', 'NotPrincipal']) {
        const pair = statement.pairs.find((p) => p.key.text === key);
        if (pair && presence(statement, key) === 'yes') this.sink.report('policy-structure', pair.key, `An identity-based policy cannot have ${key}: the user, group or role it is attached to is the principal. Remove it, or move the statement to a resource policy.`);
      }
    } else {
      this.exactlyOne(statement, 'Principal', 'NotPrincipal', this.profile.principalRequired, typos);
    }

    // Element shapes, then their contents.
    for (const key of ['Action', 'NotAction', 'Resource', 'NotResource']) {
      const node = value(key);
      if (node === undefined) continue;
      this.checkStringList(node, key);
      if (key.endsWith('Action')) checkActions(this.sink, node, key, this.profile, this.actions);
      else if (kind !== 'trust') checkResources(this.sink, node, key, this.profile, this.strictPartition());
    }
    if (kind !== 'identity') {
      for (const key of ['Principal', 'NotPrincipal']) {
        const node = value(key);
        if (node !== undefined) checkPrincipal(this.sink, node, key);
      }
    }
    const condition = value('Condition');
    if (condition !== undefined) checkCondition(this.sink, condition);
    this.checkSid(statement, sids, conditional);
  }

  /** cfn-lint's resource policies (E3512) take a real partition in their ARNs, not `arn:*:`. */
  private strictPartition(): boolean {
    return this.profile.kind === 'resource' && this.profile.resourceRequired;
  }

  /** `first` xor `second`: both is always wrong; neither only when `required`. */
  private exactlyOne(statement: MappingNode, first: string, second: string, required: boolean, typos: ReadonlySet<string>): void {
    const a = presence(statement, first);
    const b = presence(statement, second);
    if (a === 'yes' && b === 'yes') {
      const later = statement.pairs.find((p) => p.key.text === first || p.key.text === second)!;
      const other = statement.pairs.find((p) => (p.key.text === first || p.key.text === second) && p !== later)!;
      this.sink.report('policy-structure', other.key, `A statement takes ${first} or ${second}, not both.`);
      return;
    }
    if (required && a === 'no' && b === 'no' && !typos.has(first) && !typos.has(second)) {
      const what = this.profile.kind === 'identity' ? 'an identity-based policy' : this.profile.kind === 'trust' ? 'a trust policy' : 'this resource policy';
      this.sink.report('policy-structure', anchorOf(statement), `This statement has neither ${first} nor ${second}: each statement of ${what} needs one of them.`);
    }
  }

  /** Action and Resource elements: a string or a non-empty list of strings. */
  private checkStringList(node: LocatedNode, key: string): void {
    for (const value of possibleValues(node)) {
      if (value.kind === 'mapping') this.sink.report('policy-structure', value, `${key} must be a string or a list of strings, not a mapping.`);
      else if (value.kind === 'sequence') {
        if (value.items.length === 0) this.sink.report('policy-structure', value, `${key} is an empty list: name at least one${key.endsWith('Action') ? ' action' : ' resource'}.`);
        for (const item of value.items.flatMap((i) => possibleValues(i))) {
          if (item.kind !== 'scalar') this.sink.report('policy-structure', item, `Each item of ${key} must be a string.`);
        }
      } else if (value.value === null) this.sink.report('policy-structure', value, `${key} is empty: give a string or a list of strings.`);
    }
  }

  private checkSid(statement: MappingNode, sids: Map<string, ScalarNode>, conditional: boolean): void {
    const pair = statement.pairs.find((p) => p.key.text === 'Sid');
    if (pair === undefined) return;
    const sid = pair.value;
    if (sid.kind !== 'scalar') {
      if (asIntrinsic(sid) === undefined) this.sink.report('policy-structure', sid, 'Sid must be a string.');
      return;
    }
    const text = sid.text;
    if (this.profile.kind !== 'resource' && !/^[A-Za-z0-9]*$/.test(text)) {
      this.sink.report('sid', sid, `Sid '${text}' may only hold letters and digits in an IAM ${this.profile.kind === 'trust' ? 'trust ' : ''}policy.`, this.profile.kind === 'trust' ? { severity: 'warning' } : {});
    }
    if (conditional || this.profile.uniqueSid === 'off') return;
    const first = sids.get(text);
    if (first === undefined) {
      sids.set(text, sid);
      return;
    }
    this.sink.report('sid', sid, `Sid '${text}' is already used by another statement of this policy: each Sid must be unique.`, this.profile.uniqueSid === 'warning' ? { severity: 'warning' } : {});
  }
}

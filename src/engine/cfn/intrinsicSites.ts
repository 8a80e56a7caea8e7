import type { LocatedNode, MappingNode, Pair, ParsedDocument, ScalarNode } from '../document/located';
import { EntryMemo, keepsEntries, NO_ENVIRONMENT } from './entryMemo';
import { INTRINSIC_FUNCTIONS } from './intrinsics';
import type { IntrinsicCall } from './intrinsics';
import type { TemplateModel } from './template';
import { spendBudget } from '../util/workBudget';

/** Where a node sits in a template. */
export interface TemplatePlace {
  /** Top-level section, e.g. `Resources`. */
  readonly section: string;
  /** Logical id of the entry (resource, output, parameter...), when inside one. */
  readonly entry?: string;
  /** For resources and outputs: the attribute the node sits under (`Properties`, `DependsOn`, `Value`...). */
  readonly attribute?: string;
}

/** One intrinsic function call found in a template, with where it sits. */
export interface IntrinsicSite {
  readonly call: IntrinsicCall;
  readonly place: TemplatePlace;
  /** Names of the functions the call sits inside, outermost first. */
  readonly enclosing: readonly string[];
  /**
   * True for `Fn::ForEach::Name` and `Fn::Transform` keys that share their
   * mapping with other keys, which CloudFormation allows for these two only.
   */
  readonly inline: boolean;
}

/** A mapping key that looks like a function but is not a valid call. */
export interface StrayFunctionKey {
  /** `mixed`: a function key next to other keys; `unknown`: an `Fn::` name that is no function. */
  readonly kind: 'mixed' | 'unknown';
  readonly key: ScalarNode;
  readonly node: MappingNode;
  readonly place: TemplatePlace;
}

/** Every intrinsic call and stray function key of a template, in source order. */
export interface IntrinsicScan {
  readonly sites: readonly IntrinsicSite[];
  readonly strayKeys: readonly StrayFunctionKey[];
}

/** Condition functions: inside them `{Condition: Name}` is a reference to a condition. */
const CONDITION_FUNCTIONS: ReadonlySet<string> = new Set(['Fn::And', 'Fn::Or', 'Fn::Not', 'Fn::Equals']);

/**
 * Sections whose values CloudFormation evaluates (or rejects functions in).
 * Template `Metadata`, `Transform`, `Hooks` and the format version are free-form
 * or never hold functions, so they are not scanned.
 */
const SCANNED_SECTIONS = ['Description', 'Parameters', 'Mappings', 'Conditions', 'Rules', 'Resources', 'Outputs', 'Globals'];

/** Sections whose entries `Fn::ForEach` may replicate (with the LanguageExtensions transform). */
const FOR_EACH_SECTIONS = new Set(['Resources', 'Outputs', 'Conditions']);

const cache = new WeakMap<ParsedDocument, IntrinsicScan>();
/**
 * Each section entry's calls and stray keys, kept across analyses (cfn/entryMemo.ts): they depend
 * on nothing outside the entry, and hold nodes, not offsets (the re-parse moves nodes itself).
 */
const entryScans = new EntryMemo<IntrinsicScan>((scan) => scan);

/** Whether a key names a function call that must be the only key of its mapping. */
export function isFunctionKey(name: string, conditionContext: boolean): boolean {
  return INTRINSIC_FUNCTIONS.has(name) || name.startsWith('Fn::ForEach::') || name.startsWith('Rain::') || (conditionContext && name === 'Condition');
}

/** Finds every intrinsic call and stray function key of a template. Computed once per document. */
export function scanIntrinsics(document: ParsedDocument, template: TemplateModel): IntrinsicScan {
  const cached = cache.get(document);
  if (cached) return cached;
  // One scan in source order; an edited document takes each plain entry's part from the memo.
  const scanner = new Scanner();
  const keep = keepsEntries(document);
  for (const section of SCANNED_SECTIONS) {
    const value = template.sections.get(section)?.value;
    if (section === 'Description' && value) scanner.walk(value, { section }, [], false);
    if (value?.kind !== 'mapping' || section === 'Description') continue;
    for (const pair of value.pairs) {
      // An `Fn::` key among the entries (a loop, a transform, a stray) is read with its section
      // (whether it shares it with other keys): only plain entries are kept.
      if (!keep || pair.key.text.startsWith('Fn::')) {
        scanner.sectionEntry(section, value, pair);
        continue;
      }
      const part = entryScans.through(document, pair, NO_ENVIRONMENT, () => {
        const own = new Scanner();
        own.sectionEntry(section, value, pair);
        return { sites: own.sites, strayKeys: own.strayKeys };
      });
      for (const site of part.sites) scanner.sites.push(site);
      for (const key of part.strayKeys) scanner.strayKeys.push(key);
    }
  }
  const scan = { sites: scanner.sites, strayKeys: scanner.strayKeys };
  cache.set(document, scan);
  return scan;
}

class Scanner {
  readonly sites: IntrinsicSite[] = [];
  readonly strayKeys: StrayFunctionKey[] = [];

  section(section: string, value: MappingNode): void {
    for (const pair of value.pairs) this.sectionEntry(section, value, pair);
  }

  /** One entry of a section (`value`): what it holds depends on nothing else, so it is kept per entry. */
  sectionEntry(section: string, value: MappingNode, pair: Pair): void {
    const conditionContext = section === 'Conditions' || section === 'Rules';
    const name = pair.key.text;
    if (FOR_EACH_SECTIONS.has(section) && name.startsWith('Fn::ForEach::')) {
      this.forEachEntries(section, value, pair.key, pair.value, conditionContext);
      return;
    }
    // A loop where loops are not allowed is still a call (for cfn-intrinsic-context), not an unknown function.
    if (name === 'Fn::Transform' || name.startsWith('Fn::ForEach::')) {
      this.inlineCall(value, pair.key, pair.value, { section }, []);
      return;
    }
    if (name.startsWith('Fn::')) this.strayKeys.push({ kind: 'unknown', key: pair.key, node: value, place: { section } });
    this.entry(section, name, pair.value, conditionContext);
  }

  /** A `Fn::ForEach::Name` key among section entries: its third item holds entries. */
  private forEachEntries(section: string, owner: MappingNode, key: ScalarNode, value: LocatedNode, conditionContext: boolean): void {
    const call: IntrinsicCall = { name: key.text, keyNode: key, argument: value, node: owner };
    this.sites.push({ call, place: { section }, enclosing: [], inline: owner.pairs.length > 1 });
    if (value.kind !== 'sequence') return;
    const [identifier, collection, body] = value.items;
    if (identifier) this.walk(identifier, { section }, [key.text], false);
    if (collection) this.walk(collection, { section }, [key.text], false);
    if (body?.kind === 'mapping') this.section(section, body);
    else if (body) this.walk(body, { section }, [key.text], conditionContext);
    for (const extra of value.items.slice(3)) this.walk(extra, { section }, [key.text], false);
  }

  private entry(section: string, name: string, value: LocatedNode, conditionContext: boolean): void {
    if ((section === 'Resources' || section === 'Outputs') && value.kind === 'mapping') {
      for (const pair of value.pairs) this.walk(pair.value, { section, entry: name, attribute: pair.key.text }, [], false);
      this.keys(value, { section, entry: name }, false);
      return;
    }
    this.walk(value, { section, entry: name }, [], conditionContext);
  }

  /** `Fn::ForEach::Name` or `Fn::Transform` sharing a mapping with other keys. */
  private inlineCall(node: MappingNode, key: ScalarNode, value: LocatedNode, place: TemplatePlace, enclosing: readonly string[]): void {
    const call: IntrinsicCall = { name: key.text, keyNode: key, argument: value, node };
    this.sites.push({ call, place, enclosing, inline: node.pairs.length > 1 });
    this.walk(value, place, [...enclosing, key.text], false);
  }

  walk(node: LocatedNode, place: TemplatePlace, enclosing: readonly string[], conditionContext: boolean): void {
    spendBudget();
    if (node.kind === 'scalar') return;
    if (node.kind === 'sequence') {
      for (const item of node.items) this.walk(item, place, enclosing, conditionContext);
      return;
    }
    if (node.pairs.length === 1) {
      const pair = node.pairs[0]!;
      const name = pair.key.text;
      // `!Condition X` outside condition functions is still meant as a call; cfn-intrinsic-context says where it works.
      if (isFunctionKey(name, conditionContext) || (name === 'Condition' && node.fromShortForm === true)) {
        this.sites.push({ call: { name, keyNode: pair.key, argument: pair.value, node }, place, enclosing, inline: false });
        // `Rain::` directives are expanded by the Rain CLI: their arguments are not template values.
        if (!name.startsWith('Rain::')) this.walk(pair.value, place, [...enclosing, name], CONDITION_FUNCTIONS.has(name));
        return;
      }
    }
    for (const pair of node.pairs) {
      const name = pair.key.text;
      if (name.startsWith('Fn::ForEach::') || name === 'Fn::Transform') {
        this.inlineCall(node, pair.key, pair.value, place, enclosing);
        continue;
      }
      this.walk(pair.value, place, enclosing, false);
    }
    this.keys(node, place, conditionContext);
  }

  /** Records `Ref`/`Fn::` keys that cannot be calls where they are. */
  private keys(node: MappingNode, place: TemplatePlace, conditionContext: boolean): void {
    for (const pair of node.pairs) {
      const name = pair.key.text;
      if (name.startsWith('Fn::ForEach::') || name === 'Fn::Transform') continue;
      if (name === 'Ref' || INTRINSIC_FUNCTIONS.has(name) || (conditionContext && name === 'Condition')) {
        if (node.pairs.length > 1) this.strayKeys.push({ kind: 'mixed', key: pair.key, node, place });
      } else if (name.startsWith('Fn::')) {
        this.strayKeys.push({ kind: 'unknown', key: pair.key, node, place });
      }
    }
  }
}

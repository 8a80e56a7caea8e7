/**
 * The cost panel's protocol on the webview kit (`protocolKit.ts`): the host sends the whole view
 * state (an estimate already priced by the engine: the UI does no arithmetic), the UI sends the
 * user's edits (a usage figure, a what-if toggle, a preset), "compare with HEAD" and "reveal".
 */
import { array, boolean, fail, messageType, object, oneOf, string, THEME_KINDS, unknownType, validateMessage } from './protocolKit';
import type { PlainObject, ReadyMessage, StructureLimits, Validation, WebviewThemeKind } from './protocolKit';
import type { WebviewPage } from './webviewHtml';

export const COST_PANEL = 'cost';
export const COST_PAGE: WebviewPage = { bundle: 'cost', title: 'Cost estimate' };

/** What-if ids (kept in step with the engine's `WhatIfId` by a unit test). */
export const COST_WHAT_IF_IDS: ReadonlySet<string> = new Set(['graviton', 'spot', 'savings-plan', 'gp3', 'dynamodb-on-demand', 'dynamodb-provisioned']);
export const COST_PRESETS: ReadonlySet<string> = new Set(['', 'small', 'medium', 'large']);

export interface CostComponentView {
  readonly name: string;
  readonly unit: string;
  readonly quantity: number | null;
  readonly unitPrice: number | null;
  readonly monthly: number | null;
  readonly usageBased: boolean;
  readonly note: string;
  /** Where the price comes from, and its date ('' when there is no price). */
  readonly source: string;
}

export interface CostResourceView {
  readonly logicalId: string;
  readonly type: string;
  /** `free`, `priced`, `usage` (usage-based only) or `unpriced` (not priced yet). */
  readonly status: 'free' | 'priced' | 'usage' | 'unpriced';
  /** Known monthly amount (priced components only). */
  readonly monthly: number;
  /** Components left out (unknown usage or no price). */
  readonly leftOut: number;
  readonly components: readonly CostComponentView[];
  readonly notes: readonly string[];
  /** Usage figures the resource reads, with the value the usage file (or config) gives, else null. */
  readonly usage: readonly { readonly key: string; readonly value: number | null }[];
}

export interface CostWhatIfView {
  readonly id: string;
  readonly label: string;
  readonly caveat: string;
  /** Whether it is applied to the estimate shown. */
  readonly on: boolean;
  /** The difference it makes on its own (against the estimate without what-ifs). */
  readonly delta: number;
}

export interface CostChangeView {
  readonly logicalId: string;
  readonly type: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly before: number;
  readonly after: number;
  readonly delta: number;
}

export interface CostCompareView {
  readonly ref: string;
  /** Why there is no comparison (not in git, unknown revision...); empty when there is one. */
  readonly problem: string;
  readonly before: number;
  readonly after: number;
  readonly delta: number;
  readonly resources: readonly CostChangeView[];
}

/** Everything the panel shows. */
export interface CostViewState {
  readonly file: string;
  readonly region: string;
  readonly priceDate: string;
  readonly fixed: number;
  readonly usage: number | null;
  readonly total: number;
  readonly leftOut: number;
  readonly preset: string;
  readonly usageFile: string;
  readonly resources: readonly CostResourceView[];
  readonly byService: readonly { readonly service: string; readonly monthly: number }[];
  readonly whatIfs: readonly CostWhatIfView[];
  readonly compare: CostCompareView | null;
  readonly assumptions: readonly string[];
  readonly problems: readonly string[];
}

export interface CostStateMessage {
  readonly type: 'cost/state/show';
  readonly state: CostViewState;
}

export interface CostThemeMessage {
  readonly type: 'cost/theme/changed';
  readonly kind: WebviewThemeKind;
}

export type CostHostMessage = CostStateMessage | CostThemeMessage;

/** UI -> host: set (a number) or clear (null) one usage figure of one resource; written to the usage file. */
export interface SetUsageMessage {
  readonly type: 'cost/usage/set';
  readonly logicalId: string;
  readonly key: string;
  readonly value: number | null;
}

export interface ToggleWhatIfMessage {
  readonly type: 'cost/whatIf/toggle';
  readonly id: string;
  readonly on: boolean;
}

export interface SetPresetMessage {
  readonly type: 'cost/preset/set';
  /** '' = no preset. */
  readonly preset: string;
}

export interface CompareMessage {
  readonly type: 'cost/compare/run';
}

export interface RevealMessage {
  readonly type: 'cost/resource/reveal';
  readonly logicalId: string;
}

export type CostUiMessage = ReadyMessage<typeof COST_PANEL> | SetUsageMessage | ToggleWhatIfMessage | SetPresetMessage | CompareMessage | RevealMessage;

/** A 1,750-resource template's state is ~1.5 M characters; leave room, stay bounded. */
const LIMITS: StructureLimits = { maxChars: 8 * 1024 * 1024, maxDepth: 8 };
const MAX_RESOURCES = 20_000;
const NAME = 1024;
const TEXT = 4096;

function amount(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, 'expected a number');
  return value;
}

function maybeAmount(value: unknown, path: string): number | null {
  return value === null ? null : amount(value, path);
}

function texts(value: unknown, path: string, max: number): string[] {
  return array(value, path, max).map((item, index) => string(item, `${path}[${index}]`, TEXT, { empty: true }));
}

const STATUSES: ReadonlySet<CostResourceView['status']> = new Set(['free', 'priced', 'usage', 'unpriced']);
const CHANGES: ReadonlySet<CostChangeView['change']> = new Set(['added', 'removed', 'changed']);

function component(raw: unknown, path: string): CostComponentView {
  const value = object(raw, path, ['name', 'unit', 'quantity', 'unitPrice', 'monthly', 'usageBased', 'note', 'source']);
  return {
    name: string(value.name, `${path}.name`, NAME),
    unit: string(value.unit, `${path}.unit`, NAME, { empty: true }),
    quantity: maybeAmount(value.quantity, `${path}.quantity`),
    unitPrice: maybeAmount(value.unitPrice, `${path}.unitPrice`),
    monthly: maybeAmount(value.monthly, `${path}.monthly`),
    usageBased: boolean(value.usageBased, `${path}.usageBased`),
    note: string(value.note, `${path}.note`, TEXT, { empty: true }),
    source: string(value.source, `${path}.source`, TEXT, { empty: true }),
  };
}

function resource(raw: unknown, path: string): CostResourceView {
  const value = object(raw, path, ['logicalId', 'type', 'status', 'monthly', 'leftOut', 'components', 'notes', 'usage']);
  return {
    logicalId: string(value.logicalId, `${path}.logicalId`, NAME),
    type: string(value.type, `${path}.type`, NAME, { empty: true }),
    status: oneOf(value.status, `${path}.status`, STATUSES),
    monthly: amount(value.monthly, `${path}.monthly`),
    leftOut: amount(value.leftOut, `${path}.leftOut`),
    components: array(value.components, `${path}.components`, 100).map((item, index) => component(item, `${path}.components[${index}]`)),
    notes: texts(value.notes, `${path}.notes`, 100),
    usage: array(value.usage, `${path}.usage`, 100).map((item, index) => {
      const figure = object(item, `${path}.usage[${index}]`, ['key', 'value']);
      return { key: string(figure.key, `${path}.usage[${index}].key`, NAME), value: maybeAmount(figure.value, `${path}.usage[${index}].value`) };
    }),
  };
}

function change(raw: unknown, path: string): CostChangeView {
  const value = object(raw, path, ['logicalId', 'type', 'change', 'before', 'after', 'delta']);
  return {
    logicalId: string(value.logicalId, `${path}.logicalId`, NAME),
    type: string(value.type, `${path}.type`, NAME, { empty: true }),
    change: oneOf(value.change, `${path}.change`, CHANGES),
    before: amount(value.before, `${path}.before`),
    after: amount(value.after, `${path}.after`),
    delta: amount(value.delta, `${path}.delta`),
  };
}

function compare(raw: unknown, path: string): CostCompareView | null {
  if (raw === null) return null;
  const value = object(raw, path, ['ref', 'problem', 'before', 'after', 'delta', 'resources']);
  return {
    ref: string(value.ref, `${path}.ref`, NAME),
    problem: string(value.problem, `${path}.problem`, TEXT, { empty: true }),
    before: amount(value.before, `${path}.before`),
    after: amount(value.after, `${path}.after`),
    delta: amount(value.delta, `${path}.delta`),
    resources: array(value.resources, `${path}.resources`, MAX_RESOURCES * 2).map((item, index) => change(item, `${path}.resources[${index}]`)),
  };
}

function viewState(raw: unknown, path: string): CostViewState {
  const value: PlainObject = object(raw, path, ['file', 'region', 'priceDate', 'fixed', 'usage', 'total', 'leftOut', 'preset', 'usageFile', 'resources', 'byService', 'whatIfs', 'compare', 'assumptions', 'problems']);
  return {
    file: string(value.file, `${path}.file`, TEXT),
    region: string(value.region, `${path}.region`, NAME),
    priceDate: string(value.priceDate, `${path}.priceDate`, NAME),
    fixed: amount(value.fixed, `${path}.fixed`),
    usage: maybeAmount(value.usage, `${path}.usage`),
    total: amount(value.total, `${path}.total`),
    leftOut: amount(value.leftOut, `${path}.leftOut`),
    preset: oneOf(value.preset, `${path}.preset`, COST_PRESETS),
    usageFile: string(value.usageFile, `${path}.usageFile`, TEXT, { empty: true }),
    resources: array(value.resources, `${path}.resources`, MAX_RESOURCES).map((item, index) => resource(item, `${path}.resources[${index}]`)),
    byService: array(value.byService, `${path}.byService`, 500).map((item, index) => {
      const entry = object(item, `${path}.byService[${index}]`, ['service', 'monthly']);
      return { service: string(entry.service, `${path}.byService[${index}].service`, NAME), monthly: amount(entry.monthly, `${path}.byService[${index}].monthly`) };
    }),
    whatIfs: array(value.whatIfs, `${path}.whatIfs`, 20).map((item, index) => {
      const entry = object(item, `${path}.whatIfs[${index}]`, ['id', 'label', 'caveat', 'on', 'delta']);
      return {
        id: oneOf(entry.id, `${path}.whatIfs[${index}].id`, COST_WHAT_IF_IDS),
        label: string(entry.label, `${path}.whatIfs[${index}].label`, NAME),
        caveat: string(entry.caveat, `${path}.whatIfs[${index}].caveat`, TEXT, { empty: true }),
        on: boolean(entry.on, `${path}.whatIfs[${index}].on`),
        delta: amount(entry.delta, `${path}.whatIfs[${index}].delta`),
      };
    }),
    compare: compare(value.compare, `${path}.compare`),
    assumptions: texts(value.assumptions, `${path}.assumptions`, 50),
    problems: texts(value.problems, `${path}.problems`, 50),
  };
}

/** Validates a message the host received. */
export function validateCostUiMessage(value: unknown): Validation<CostUiMessage> {
  return validateMessage(value, { maxChars: 16 * 1024, maxDepth: 4 }, (raw): CostUiMessage => {
    const type = messageType(raw);
    switch (type) {
      case 'cost/ready':
        object(raw, type, ['type']);
        return { type };
      case 'cost/usage/set': {
        const message = object(raw, type, ['type', 'logicalId', 'key', 'value']);
        const figure = maybeAmount(message.value, `${type}.value`);
        if (figure !== null && figure < 0) fail(`${type}.value`, 'expected a number >= 0');
        return { type, logicalId: string(message.logicalId, `${type}.logicalId`, NAME), key: string(message.key, `${type}.key`, 100), value: figure };
      }
      case 'cost/whatIf/toggle': {
        const message = object(raw, type, ['type', 'id', 'on']);
        return { type, id: oneOf(message.id, `${type}.id`, COST_WHAT_IF_IDS), on: boolean(message.on, `${type}.on`) };
      }
      case 'cost/preset/set': {
        const message = object(raw, type, ['type', 'preset']);
        return { type, preset: oneOf(message.preset, `${type}.preset`, COST_PRESETS) };
      }
      case 'cost/compare/run':
        object(raw, type, ['type']);
        return { type };
      case 'cost/resource/reveal': {
        const message = object(raw, type, ['type', 'logicalId']);
        return { type, logicalId: string(message.logicalId, `${type}.logicalId`, NAME) };
      }
      default:
        return unknownType(type);
    }
  });
}

/** Validates a message the UI received. */
export function validateCostHostMessage(value: unknown): Validation<CostHostMessage> {
  return validateMessage(value, LIMITS, (raw): CostHostMessage => {
    const type = messageType(raw);
    switch (type) {
      case 'cost/state/show': {
        const message = object(raw, type, ['type', 'state']);
        return { type, state: viewState(message.state, `${type}.state`) };
      }
      case 'cost/theme/changed': {
        const message = object(raw, type, ['type', 'kind']);
        return { type, kind: oneOf(message.kind, `${type}.kind`, THEME_KINDS) };
      }
      default:
        return unknownType(type);
    }
  });
}

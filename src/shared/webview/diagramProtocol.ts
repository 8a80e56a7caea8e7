/**
 * The architecture diagram panel's protocol, shared by the extension host
 * (`src/extension/diagram/`) and the webview bundle (`webview-ui/diagram/`).
 *
 * Message types follow `diagram/<noun>/<verb>`. The UI sends {@link DiagramReadyMessage}
 * first; only then does the host send state (the webview is not retained when hidden, so it
 * says `ready` again every time it is shown). Every message that crosses the boundary is
 * checked by the validator for its direction before it is used: the webview renders template
 * text (labels, details), and the host writes files the webview asks it to save.
 *
 * The envelope, the ready handshake, the validator combinators and the handler map type are
 * the webview kit's (`protocolKit.ts`); this file holds only the diagram's own messages.
 *
 * No dependencies, no DOM, no `node:*`: both bundles import this file.
 */
import type { ArchitectureGraph, EdgeKind, GraphEdge, GraphGroup, GraphNode, NodeCategory } from '../../engine/graph/graphTypes';
import { array, boolean, dispatchMessage, THEME_KINDS, fail, isPlainObject, messageType, object, offset, oneOf, pathSegment, quoteName, string, unknownType, validateMessage } from './protocolKit';
import type { MessageHandlers, ReadyMessage, StructureLimits, Validation, WebviewThemeKind } from './protocolKit';
import type { WebviewPage } from './webviewHtml';
import { validateLayoutFailed, validateLayoutRequest, validateLayoutResult } from './diagramLayoutProtocol';
import type { DiagramLayoutFailedMessage, DiagramLayoutRequestMessage, DiagramLayoutResultMessage } from './diagramLayoutProtocol';

export type { DiagramLayoutFailedMessage, DiagramLayoutRequestMessage, DiagramLayoutResultMessage } from './diagramLayoutProtocol';

/** The panel's name: the first segment of its message types. */
export const DIAGRAM_PANEL = 'diagram';

/**
 * The diagram's page (shell and CSP: `webviewHtml.ts`): its bundle only. Layouts are computed
 * by the extension host's warm layout worker (`diagram/layout/request`), so the page needs no
 * worker, no `connect-src` and no Trusted Types policy of its own.
 */
export const DIAGRAM_PAGE: WebviewPage = {
  bundle: DIAGRAM_PANEL,
  title: 'Architecture diagram',
};

/** Largest message either side accepts, counted in UTF-16 code units of its strings (about 20 MB). */
export const DIAGRAM_MAX_MESSAGE_CHARS = 20 * 1024 * 1024;
/** Most resources a graph may hold (CloudFormation allows 500 per stack; generated stacks go further). */
export const DIAGRAM_MAX_NODES = 20_000;
/** Most edges a graph may hold. */
export const DIAGRAM_MAX_EDGES = 100_000;
/** Longest export file name the UI may suggest. */
export const DIAGRAM_MAX_FILE_NAME = 200;

/** View options the UI can change; the host keeps them and sends them back with each graph. */
export interface DiagramOptions {
  /** Show IAM, permissions, log groups and other plumbing (hidden by default). */
  readonly showAuxiliary: boolean;
  /** Ids of groups drawn as one box instead of their members (besides those collapsed by default). */
  readonly collapsedGroups: readonly string[];
  /** Ids of groups collapsed by default (`GraphGroup.collapsed`) that the user expanded. */
  readonly expandedGroups?: readonly string[];
  /** Main direction of the layered layout. */
  readonly direction: 'RIGHT' | 'DOWN';
  /**
   * Security groups drawn as dashed boundaries around what they protect (the host builds the
   * graph with them; default from the `archlens.diagram.showSecurityGroups` setting).
   */
  readonly showSecurityGroups?: boolean;
}

/** Options of a panel nobody has touched yet. */
export const DEFAULT_DIAGRAM_OPTIONS: DiagramOptions = { showAuxiliary: false, collapsedGroups: [], direction: 'RIGHT' };

/** The template a graph was built from. */
export interface DiagramTemplateInfo {
  /** The document URI, as text (shown in tooltips; never loaded by the UI). */
  readonly uri: string;
  /** The file name, for the title and export names. */
  readonly name: string;
}

// ---------------------------------------------------------------------------------------------
// Host -> UI

/** A new or changed graph, with the options to show it with. */
export interface DiagramGraphUpdateMessage {
  readonly type: 'diagram/graph/update';
  readonly graph: ArchitectureGraph;
  readonly template: DiagramTemplateInfo;
  /** Content hash of `graph` (the UI caches layouts by it). */
  readonly hash: string;
  readonly options: DiagramOptions;
}

/** VS Code's colour theme kind changed (CSS variables update by themselves; this is for canvas export and high contrast tweaks). */
export interface DiagramThemeChangedMessage {
  readonly type: 'diagram/theme/changed';
  readonly kind: DiagramThemeKind;
}

/** VS Code colour theme kinds. */
export type DiagramThemeKind = WebviewThemeKind;

/** A line of status for the user (e.g. "not a template", "the template does not parse: showing the last good diagram"). */
export interface DiagramStatusMessage {
  readonly type: 'diagram/status/show';
  readonly level: 'info' | 'error';
  /** Plain text; empty clears the status. */
  readonly text: string;
}

/** Everything the host sends. */
export type DiagramHostMessage = DiagramGraphUpdateMessage | DiagramThemeChangedMessage | DiagramStatusMessage | DiagramLayoutResultMessage | DiagramLayoutFailedMessage;

// ---------------------------------------------------------------------------------------------
// UI -> host

/** The UI has loaded and wants the current state. */
export type DiagramReadyMessage = ReadyMessage<typeof DIAGRAM_PANEL>;

/** The user clicked a resource: select its logical id in the template. */
export interface DiagramNodeRevealMessage {
  readonly type: 'diagram/node/reveal';
  /** A node id of the last graph sent. */
  readonly id: string;
}

/** The user exported the diagram: ask where to save it, then write it. */
export interface DiagramExportSaveMessage {
  readonly type: 'diagram/export/save';
  readonly format: 'svg' | 'png';
  /** SVG markup, or the PNG bytes in base64. */
  readonly data: string;
  /** Suggested file name only (no folders), ending in `.svg` or `.png`. */
  readonly fileName: string;
}

/** The user asked for the diagram as Mermaid text on the clipboard (the host generates it). */
export interface DiagramMermaidCopyMessage {
  readonly type: 'diagram/mermaid/copy';
}

/** The user changed a view option. */
export interface DiagramOptionsChangedMessage {
  readonly type: 'diagram/options/changed';
  readonly options: DiagramOptions;
}

/** Everything the UI sends. */
export type DiagramUiMessage = DiagramReadyMessage | DiagramNodeRevealMessage | DiagramExportSaveMessage | DiagramMermaidCopyMessage | DiagramOptionsChangedMessage | DiagramLayoutRequestMessage;

/**
 * The host's handlers, one per UI message type. The mapped type makes a missing (or
 * misspelt) handler a compile error, so a new message cannot be silently ignored.
 */
export type DiagramUiHandlers = MessageHandlers<DiagramUiMessage>;

/** The UI's handlers, one per host message type. */
export type DiagramHostHandlers = MessageHandlers<DiagramHostMessage, void>;

/** Calls the handler for a (validated) UI message. */
export const dispatchUiMessage: (handlers: DiagramUiHandlers, message: DiagramUiMessage) => void | Promise<void> = dispatchMessage;

/** Calls the handler for a (validated) host message. */
export const dispatchHostMessage: (handlers: DiagramHostHandlers, message: DiagramHostMessage) => void = dispatchMessage;

// ---------------------------------------------------------------------------------------------
// Validation (combinators from protocolKit.ts)

/** The outcome of validating a message. */
export type DiagramValidation<T> = Validation<T>;

const NODE_CATEGORIES: ReadonlySet<NodeCategory> = new Set<NodeCategory>(['compute', 'storage', 'database', 'networking', 'integration', 'api', 'security', 'monitoring', 'management', 'analytics', 'other']);
const EDGE_KINDS: ReadonlySet<EdgeKind> = new Set<EdgeKind>(['ref', 'getatt', 'sub', 'dependsOn', 'eventSource', 'iam']);
const GROUP_KINDS: ReadonlySet<GraphGroup['kind']> = new Set<GraphGroup['kind']>(['cloud', 'region', 'vpc', 'availabilityZone', 'subnet', 'autoScalingGroup', 'securityGroup', 'nestedStack', 'construct', 'repeated', 'service']);
/**
 * Longest id. CloudFormation caps logical ids at 255 characters, but a template being edited
 * (or a hostile one) can hold any key: ids are bounded by the message size, not refused.
 */
const MAX_ID = 64 * 1024;
const MAX_TEXT = 64 * 1024;
/** Structural limits of every diagram message, both directions. */
const LIMITS: StructureLimits = { maxChars: DIAGRAM_MAX_MESSAGE_CHARS, maxDepth: 8 };

function validateDetails(value: unknown, path: string): void {
  if (!isPlainObject(value)) fail(path, 'expected an object');
  for (const [key, detail] of Object.entries(value)) {
    string(key, `${path} key`, MAX_ID);
    string(detail, `${path}.${pathSegment(key)}`, MAX_TEXT, { empty: true });
  }
}

/** A flag that is either absent or `true`. */
function onlyTrue(value: unknown, path: string): void {
  if (value !== true) fail(path, 'expected true (or no key)');
}

/** A live stack's status of a resource (see `GraphNode.status`). */
function validateStatus(value: unknown, path: string): void {
  const status = object(value, path, ['state'], ['drift', 'reason', 'tone']);
  if (status.tone !== undefined) oneOf(status.tone, `${path}.tone`, new Set(['failed', 'drifted', 'progress', 'deleted', 'ok'] as const));
  string(status.state, `${path}.state`, 64);
  if (status.drift !== undefined) string(status.drift, `${path}.drift`, 64);
  if (status.reason !== undefined) string(status.reason, `${path}.reason`, MAX_TEXT, { empty: true });
}

function validateSpan(value: unknown, path: string): void {
  const span = object(value, path, ['start', 'end']);
  if (offset(span.end, `${path}.end`) < offset(span.start, `${path}.start`)) fail(path, 'end before start');
}

function validateNode(value: unknown, path: string): GraphNode {
  const node = object(value, path, ['id', 'type', 'service', 'category', 'label', 'span', 'auxiliary', 'details'], ['group', 'status']);
  string(node.id, `${path}.id`, MAX_ID);
  string(node.type, `${path}.type`, MAX_ID);
  string(node.service, `${path}.service`, MAX_ID, { empty: true });
  oneOf(node.category, `${path}.category`, NODE_CATEGORIES);
  string(node.label, `${path}.label`, MAX_TEXT, { empty: true });
  if (node.group !== undefined) string(node.group, `${path}.group`, MAX_ID);
  validateSpan(node.span, `${path}.span`);
  boolean(node.auxiliary, `${path}.auxiliary`);
  validateDetails(node.details, `${path}.details`);
  if (node.status !== undefined) validateStatus(node.status, `${path}.status`);
  return node as unknown as GraphNode;
}

function validateEdge(value: unknown, path: string): GraphEdge {
  const edge = object(value, path, ['from', 'to', 'kind'], ['reverse', 'auxiliary', 'count']);
  string(edge.from, `${path}.from`, MAX_ID);
  string(edge.to, `${path}.to`, MAX_ID);
  oneOf(edge.kind, `${path}.kind`, EDGE_KINDS);
  if (edge.reverse !== undefined) onlyTrue(edge.reverse, `${path}.reverse`);
  if (edge.auxiliary !== undefined) onlyTrue(edge.auxiliary, `${path}.auxiliary`);
  if (edge.count !== undefined) offset(edge.count, `${path}.count`);
  return edge as unknown as GraphEdge;
}

function validateGroup(value: unknown, path: string): GraphGroup {
  const group = object(value, path, ['id', 'kind', 'label'], ['parent', 'collapsed', 'type', 'span', 'details']);
  string(group.id, `${path}.id`, MAX_ID);
  oneOf(group.kind, `${path}.kind`, GROUP_KINDS);
  string(group.label, `${path}.label`, MAX_TEXT, { empty: true });
  if (group.parent !== undefined) string(group.parent, `${path}.parent`, MAX_ID);
  if (group.collapsed !== undefined) onlyTrue(group.collapsed, `${path}.collapsed`);
  if (group.type !== undefined) string(group.type, `${path}.type`, MAX_ID);
  if (group.span !== undefined) validateSpan(group.span, `${path}.span`);
  if (group.details !== undefined) validateDetails(group.details, `${path}.details`);
  return group as unknown as GraphGroup;
}

/** Validates a graph: shapes, enums, limits, unique node ids and unique group ids. */
function validateGraph(value: unknown, path = 'graph'): ArchitectureGraph {
  const graph = object(value, path, ['nodes', 'edges', 'groups']);
  const nodes = array(graph.nodes, `${path}.nodes`, DIAGRAM_MAX_NODES).map((node, i) => validateNode(node, `${path}.nodes[${i}]`));
  const edges = array(graph.edges, `${path}.edges`, DIAGRAM_MAX_EDGES).map((edge, i) => validateEdge(edge, `${path}.edges[${i}]`));
  const groups = array(graph.groups, `${path}.groups`, DIAGRAM_MAX_NODES).map((group, i) => validateGroup(group, `${path}.groups[${i}]`));
  // Node ids and group ids are separate namespaces: buildGraph names a VPC's group after the
  // VPC resource (`Vpc` is both), but two nodes (or two groups) never share an id.
  for (const [what, list] of [['node', nodes], ['group', groups]] as const) {
    const ids = new Set<string>();
    for (const { id } of list) {
      if (ids.has(id)) fail(path, `duplicate ${what} id ${quoteName(id)}`);
      ids.add(id);
    }
  }
  return { nodes, edges, groups };
}

function validateOptions(value: unknown, path: string): DiagramOptions {
  const options = object(value, path, ['showAuxiliary', 'collapsedGroups', 'direction'], ['expandedGroups', 'showSecurityGroups']);
  boolean(options.showAuxiliary, `${path}.showAuxiliary`);
  if (options.showSecurityGroups !== undefined) boolean(options.showSecurityGroups, `${path}.showSecurityGroups`);
  array(options.collapsedGroups, `${path}.collapsedGroups`, DIAGRAM_MAX_NODES).forEach((id, i) => string(id, `${path}.collapsedGroups[${i}]`, MAX_ID));
  if (options.expandedGroups !== undefined) array(options.expandedGroups, `${path}.expandedGroups`, DIAGRAM_MAX_NODES).forEach((id, i) => string(id, `${path}.expandedGroups[${i}]`, MAX_ID));
  oneOf(options.direction, `${path}.direction`, new Set(['RIGHT', 'DOWN'] as const));
  return options as unknown as DiagramOptions;
}

/**
 * A file name the host may offer in its save dialog: one path segment, no `..`, no
 * separators, control or bidirectional-override characters, and the format's extension.
 */
export function isSafeExportFileName(name: string, format: 'svg' | 'png'): boolean {
  if (name.length === 0 || name.length > DIAGRAM_MAX_FILE_NAME) return false;
  // Separators of every platform, characters Windows forbids, C0/C1 controls, bidi controls.
  if (/[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(name)) return false;
  if (name.startsWith('.') || name.includes('..') || name.endsWith(' ')) return false;
  return name.toLowerCase().endsWith(`.${format}`);
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function validateUiBody(value: unknown): DiagramUiMessage {
  const type = messageType(value);
  switch (type) {
    case 'diagram/ready':
    case 'diagram/mermaid/copy':
      object(value, type, ['type']);
      return { type };
    case 'diagram/node/reveal': {
      const message = object(value, type, ['type', 'id']);
      return { type, id: string(message.id, `${type}.id`, MAX_ID) };
    }
    case 'diagram/export/save': {
      const message = object(value, type, ['type', 'format', 'data', 'fileName']);
      const format = oneOf(message.format, `${type}.format`, new Set(['svg', 'png'] as const));
      const data = string(message.data, `${type}.data`, DIAGRAM_MAX_MESSAGE_CHARS);
      const fileName = string(message.fileName, `${type}.fileName`, DIAGRAM_MAX_FILE_NAME);
      if (!isSafeExportFileName(fileName, format)) fail(`${type}.fileName`, `not a plain .${format} file name`);
      if (format === 'svg' && !/^(<\?xml[^>]*>\s*)?<svg[\s>]/.test(data)) fail(`${type}.data`, 'not SVG markup');
      if (format === 'png' && (data.length % 4 !== 0 || !BASE64.test(data) || !data.startsWith('iVBORw0KGgo'))) fail(`${type}.data`, 'not a base64 PNG');
      return { type, format, data, fileName };
    }
    case 'diagram/options/changed': {
      const message = object(value, type, ['type', 'options']);
      return { type, options: validateOptions(message.options, `${type}.options`) };
    }
    case 'diagram/layout/request':
      return validateLayoutRequest(value, type);
    default:
      return unknownType(type);
  }
}

function validateHostBody(value: unknown): DiagramHostMessage {
  const type = messageType(value);
  switch (type) {
    case 'diagram/graph/update': {
      const message = object(value, type, ['type', 'graph', 'template', 'hash', 'options']);
      const template = object(message.template, `${type}.template`, ['uri', 'name']);
      return {
        type,
        graph: validateGraph(message.graph, `${type}.graph`),
        template: { uri: string(template.uri, `${type}.template.uri`, 8192), name: string(template.name, `${type}.template.name`, MAX_ID) },
        hash: string(message.hash, `${type}.hash`, 128),
        options: validateOptions(message.options, `${type}.options`),
      };
    }
    case 'diagram/theme/changed': {
      const message = object(value, type, ['type', 'kind']);
      return { type, kind: oneOf(message.kind, `${type}.kind`, THEME_KINDS) };
    }
    case 'diagram/status/show': {
      const message = object(value, type, ['type', 'level', 'text']);
      return { type, level: oneOf(message.level, `${type}.level`, new Set(['info', 'error'] as const)), text: string(message.text, `${type}.text`, MAX_TEXT, { empty: true }) };
    }
    case 'diagram/layout/result':
      return validateLayoutResult(value, type);
    case 'diagram/layout/failed':
      return validateLayoutFailed(value, type);
    default:
      return unknownType(type);
  }
}

/** Validates a message the host received from the webview. */
export function validateDiagramUiMessage(value: unknown): DiagramValidation<DiagramUiMessage> {
  return validateMessage(value, LIMITS, validateUiBody);
}

/** Validates a message the webview received from the host. */
export function validateDiagramHostMessage(value: unknown): DiagramValidation<DiagramHostMessage> {
  return validateMessage(value, LIMITS, validateHostBody);
}

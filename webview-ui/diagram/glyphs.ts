/**
 * Glyphs per service (for the common ones) and per node category, all drawn by us for ArchLens
 * and shipped under the project's licence (no AWS icon set: its use is licensed separately). Each glyph is SVG path data in a 24 x 24 box, stroked,
 * so the same data draws the SVG (`<path d>`) and the PNG export (`new Path2D(d)`).
 */
import type { NodeCategory } from '../../src/engine/graph/graphTypes';

/** A glyph category: the graph's node categories plus collapsed groups. */
export type GlyphCategory = NodeCategory | 'group';

/** Path data per category. */
export const GLYPHS: Readonly<Record<GlyphCategory, string>> = {
  // A chip with pins.
  compute: 'M7 7h10v10H7z M10 4v3 M14 4v3 M10 17v3 M14 17v3 M4 10h3 M4 14h3 M17 10h3 M17 14h3',
  // A box (object store).
  storage: 'M4 7l8-3.5L20 7l-8 3.5z M4 7v10l8 3.5 8-3.5V7 M12 10.5v10',
  // A cylinder.
  database: 'M5 6c0-1.7 3.1-3 7-3s7 1.3 7 3-3.1 3-7 3-7-1.3-7-3z M5 6v12c0 1.7 3.1 3 7 3s7-1.3 7-3V6 M5 12c0 1.7 3.1 3 7 3s7-1.3 7-3',
  // Three connected nodes.
  networking: 'M10 5a2 2 0 1 0 4 0a2 2 0 1 0-4 0 M3 19a2 2 0 1 0 4 0a2 2 0 1 0-4 0 M17 19a2 2 0 1 0 4 0a2 2 0 1 0-4 0 M11 6.8L6 17.2 M13 6.8l5 10.4 M7 19h10',
  // Two opposite arrows (messages in, messages out).
  integration: 'M4 8h13 M14 5l3 3-3 3 M20 16H7 M10 13l-3 3 3 3',
  // Braces.
  api: 'M9 4c-2 0-2.5 1-2.5 3v2c0 1.5-1 2.5-2.5 3 1.5.5 2.5 1.5 2.5 3v2c0 2 .5 3 2.5 3 M15 4c2 0 2.5 1 2.5 3v2c0 1.5 1 2.5 2.5 3-1.5.5-2.5 1.5-2.5 3v2c0 2-.5 3-2.5 3',
  // A shield with a tick.
  security: 'M12 3l7 3v5c0 5-3 8-7 10-4-2-7-5-7-10V6z M9 12l2 2 4-4',
  // A pulse line.
  monitoring: 'M3 12h4l2-5 4 10 2-5h6',
  // Sliders.
  management: 'M4 6h9 M17 6h3 M15 4v4 M4 12h3 M11 12h9 M9 10v4 M4 18h11 M19 18h1 M17 16v4',
  // Bars.
  analytics: 'M6 20v-8 M10.5 20V5 M15 20v-6 M19.5 20V9 M3 20h18',
  // A hexagon.
  other: 'M12 3l8 4.5v9L12 21l-8-4.5v-9z',
  // A folder (a collapsed group).
  group: 'M3 6h7l2 2h9v11H3z',
};

/**
 * Glyphs of the services architects look for first, drawn by us: a service reads at a glance
 * (a λ, a bucket, a queue) where the category alone (compute, storage) does not. Keyed by the
 * service namespace (`AWS::<Service>::...`); other services use their category's glyph.
 */
const SERVICE_GLYPHS: ReadonlyMap<string, string> = new Map([
  // λ
  ['Lambda', 'M6 4h3l9 16 M12 11l-6 9'],
  // A bucket.
  ['S3', 'M4 6c0-1.5 3.6-2.5 8-2.5s8 1 8 2.5l-2 13c0 1-2.7 1.5-6 1.5s-6-.5-6-1.5z M4 6c0 1.5 3.6 2.5 8 2.5s8-1 8-2.5'],
  // A table.
  ['DynamoDB', 'M4 5h16v14H4z M4 10h16 M4 15h16 M10 5v14'],
  // Messages in a queue.
  ['SQS', 'M3 8h4v8H3z M10 8h4v8h-4z M17 8h4v8h-4z M7 12h3 M14 12h3'],
  // A broadcast.
  ['SNS', 'M10 12a2 2 0 1 0 4 0a2 2 0 1 0-4 0 M7 7a7 7 0 0 0 0 10 M17 7a7 7 0 0 1 0 10 M4.5 4.5a10.5 10.5 0 0 0 0 15 M19.5 4.5a10.5 10.5 0 0 1 0 15'],
  // A gate that requests pass through.
  ['ApiGateway', 'M7 3v18 M17 3v18 M2 12h8 M8 9l3 3-3 3 M14 12h8'],
  ['ApiGatewayV2', 'M7 3v18 M17 3v18 M2 12h8 M8 9l3 3-3 3 M14 12h8'],
  // Containers on a host.
  ['ECS', 'M3 8h6v6H3z M9 8h6v6H9z M15 8h6v6h-6z M6 14v4 M12 14v4 M18 14v4 M3 18h18'],
  // A globe (edge locations).
  ['CloudFront', 'M3 12a9 9 0 1 0 18 0a9 9 0 1 0-18 0 M3 12h18 M12 3c3 3 3 15 0 18 M12 3c-3 3-3 15 0 18'],
  // A workflow.
  ['StepFunctions', 'M9 3h6v4H9z M3 17h6v4H3z M15 17h6v4h-6z M12 7v5 M6 17v-5h12v5'],
  // An event bus with taps.
  ['Events', 'M3 12h18 M7 12V6 M12 12v6 M17 12V6'],
  // A key.
  ['IAM', 'M3 12a4 4 0 1 0 8 0a4 4 0 1 0-8 0 M11 12h10 M18 12v3 M15 12v2'],
  // A padlock.
  ['KMS', 'M6 11h12v9H6z M8 11V8a4 4 0 0 1 8 0v3 M12 15v2'],
  ['SecretsManager', 'M6 11h12v9H6z M8 11V8a4 4 0 0 1 8 0v3 M12 15v2'],
  // Streams.
  ['Kinesis', 'M3 8c3-3 6 3 9 0s6 3 9 0 M3 13c3-3 6 3 9 0s6 3 9 0 M3 18c3-3 6 3 9 0s6 3 9 0'],
  // One in, three out.
  ['ElasticLoadBalancingV2', 'M10 3h4v4h-4z M12 7v4 M5 11h14 M5 11v4 M12 11v4 M19 11v4 M3 15h4v4H3z M10 15h4v4h-4z M17 15h4v4h-4z'],
  // A person.
  ['Cognito', 'M8 8a4 4 0 1 0 8 0a4 4 0 1 0-8 0 M4 21c0-4 4-6 8-6s8 2 8 6'],
]);

/**
 * The glyph of a box: its service's when it has one (a SAM type by the type it creates, e.g.
 * `AWS::Serverless::Function` -> Lambda), else its category's.
 */
export function glyphFor(category: GlyphCategory, service: string | undefined, creates: string | undefined): string {
  const namespace = service === 'Serverless' && creates !== undefined ? (creates.split('::')[1] ?? service) : service;
  return (namespace !== undefined ? SERVICE_GLYPHS.get(namespace) : undefined) ?? GLYPHS[category];
}

/** Human names for the legend. */
export const CATEGORY_NAMES: Readonly<Record<GlyphCategory, string>> = {
  compute: 'Compute',
  storage: 'Storage',
  database: 'Database',
  networking: 'Networking',
  integration: 'Integration',
  api: 'API',
  security: 'Security and identity',
  monitoring: 'Monitoring',
  management: 'Management',
  analytics: 'Analytics',
  other: 'Other',
  group: 'Collapsed group',
};

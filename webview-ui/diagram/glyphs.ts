/**
 * Neutral glyphs per node category, drawn by us (no AWS icons: their use is licensed, and a
 * category glyph reads at any zoom). Each glyph is SVG path data in a 24 x 24 box, stroked,
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

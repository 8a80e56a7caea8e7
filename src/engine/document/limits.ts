/**
 * Bounds that keep parsing fast and safe on hostile or runaway input
 * (see ../shared/reference/bad-inputs.md, "Files being edited").
 */
export const PARSE_LIMITS = {
  /** Beyond this, nothing is parsed: 5x CloudFormation's own 1 MB template limit. */
  maxDocumentChars: 5_000_000,
  /** Nesting depth; real templates stay far below (deep IAM policies reach ~15). */
  maxDepth: 500,
  /** Number of alias uses. */
  maxAliases: 10_000,
  /** Nodes reachable once aliases are expanded ("billion laughs" guard). */
  maxExpandedNodes: 250_000,
} as const;

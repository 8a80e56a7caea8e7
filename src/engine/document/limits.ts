import type { SyntaxProblem } from './located';
/**
 * Bounds that keep parsing fast and safe on hostile or runaway input
 * (see ../shared/reference/bad-inputs.md, "Files being edited").
 */
export const PARSE_LIMITS = {
  /** Beyond this, nothing is parsed: 5x CloudFormation's own 1 MB template limit. */
  maxDocumentChars: 5_000_000,
  /**
   * OpenAPI descriptions are not bound by CloudFormation's 1 MB: real ones reach 13 MB
   * (GitHub's REST description) and 73 MB dereferenced. Beyond this limit, 4x the largest
   * real spec we know, an OpenAPI file gets an `oas-size-limit` warning and is not analysed.
   */
  maxOpenApiChars: 50_000_000,
  /** Nesting depth; real templates stay far below (deep IAM policies reach ~15). */
  maxDepth: 500,
  /** Number of alias uses. */
  maxAliases: 10_000,
  /** Nodes reachable once aliases are expanded ("billion laughs" guard). */
  maxExpandedNodes: 250_000,
} as const;

/**
 * Whether the head of an unparsed text declares an OpenAPI document (`openapi:` / `swagger:`
 * as a top-level key, in YAML or JSON): decides which size limit applies before parsing.
 */
export function looksLikeOpenApiHead(text: string): boolean {
  const head = text.slice(0, 20_000);
  // `[ \t]*`, not `\s*`: with `m`, `\s*` would rescan every following blank line from each line start.
  return /^[ \t]*["']?(openapi|swagger)["']?[ \t]*:/m.test(head) || (/^\uFEFF?\s*\{/.test(head) && /[{,]\s*["'](openapi|swagger)["']\s*:/.test(head));
}

/**
 * The problem for a text over its size limit, or undefined. CloudFormation and other files stop at
 * {@link PARSE_LIMITS.maxDocumentChars} (an error); OpenAPI descriptions at
 * {@link PARSE_LIMITS.maxOpenApiChars}, as an `oas-size-limit` warning (the file may be fine; it is
 * just not analysed).
 */
export function sizeLimitProblem(text: string): SyntaxProblem | undefined {
  if (text.length <= PARSE_LIMITS.maxDocumentChars) return undefined;
  const span = { start: 0, end: Math.min(text.length, 1) };
  const megabytes = (chars: number): string => (chars / 1_000_000).toFixed(1);
  if (looksLikeOpenApiHead(text)) {
    if (text.length <= PARSE_LIMITS.maxOpenApiChars) return undefined;
    return {
      code: 'openapi-size-limit',
      severity: 'warning',
      message: `The OpenAPI description is ${megabytes(text.length)} MB; ArchLens analyses OpenAPI files up to ${PARSE_LIMITS.maxOpenApiChars / 1_000_000} MB, so this one was not checked. Split it with $ref into several files.`,
      span,
    };
  }
  return {
    code: 'size-limit',
    severity: 'error',
    message: `The file is ${megabytes(text.length)} MB; ArchLens analyses files up to ${PARSE_LIMITS.maxDocumentChars / 1_000_000} MB (CloudFormation accepts at most 1 MB).`,
    span,
  };
}

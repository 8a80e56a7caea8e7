// Pure helpers for the logs commands' inputs: time ranges, filter-pattern hints, and the names
// of result documents. Kept out of src/extension so they are unit-tested without VS Code.

export interface TimeRange {
  readonly startTime: number;
  readonly endTime: number;
  /** For titles and headers, e.g. `last 1 h`. */
  readonly label: string;
}

export interface TimeRangePreset {
  readonly label: string;
  readonly short: string;
  readonly ms: number;
}

export const TIME_RANGE_PRESETS: readonly TimeRangePreset[] = [
  { label: 'Last 15 minutes', short: 'last 15 min', ms: 15 * 60_000 },
  { label: 'Last hour', short: 'last 1 h', ms: 3_600_000 },
  { label: 'Last 24 hours', short: 'last 24 h', ms: 86_400_000 },
  { label: 'Last 7 days', short: 'last 7 days', ms: 7 * 86_400_000 },
];

export function presetRange(preset: TimeRangePreset, now: number): TimeRange {
  return { startTime: now - preset.ms, endTime: now, label: preset.short };
}

/**
 * The range given with a command (keybindings, tests, other extensions): `{ startTime, endTime }`
 * in epoch milliseconds, end after start; anything else means "ask".
 */
export function givenTimeRange(arg: unknown): TimeRange | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const { startTime, endTime } = arg as { startTime?: unknown; endTime?: unknown };
  return typeof startTime === 'number' && typeof endTime === 'number' && endTime > startTime ? { startTime, endTime, label: 'given range' } : undefined;
}

/**
 * Parses a custom range `START/END` or `START .. END` of ISO 8601 date-times
 * (`2026-01-01T00:00Z/2026-01-01T06:00Z`). A time without a zone is read as UTC, so a range
 * means the same on every machine. Returns an error message instead of throwing.
 */
export function parseIsoRange(text: string): TimeRange | string {
  const parts = text.trim().split(/\s*(?:\/|\.\.)\s*/);
  if (parts.length !== 2 || !parts[0] || !parts[1]) return 'Enter two ISO date-times separated by "/", e.g. 2026-01-01T00:00Z/2026-01-01T06:00Z';
  const parse = (s: string): number => {
    if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(s)) return NaN;
    const withZone = /(Z|[+-]\d{2}:?\d{2})$/.test(s) || !s.includes(':') ? s : `${s}Z`;
    return Date.parse(withZone.replace(' ', 'T'));
  };
  const startTime = parse(parts[0]);
  const endTime = parse(parts[1]);
  if (Number.isNaN(startTime)) return `Not an ISO date-time: ${parts[0]}`;
  if (Number.isNaN(endTime)) return `Not an ISO date-time: ${parts[1]}`;
  if (endTime <= startTime) return 'The end must be after the start.';
  return { startTime, endTime, label: `${new Date(startTime).toISOString()} – ${new Date(endTime).toISOString()}` };
}

/**
 * A hint for a CloudWatch Logs filter pattern that the service would reject, or undefined.
 * Checks the structure only (quotes, braces, brackets), not the full grammar: the service
 * answers anything subtler with InvalidParameterException, which the search reports.
 */
export function filterPatternHint(pattern: string): string | undefined {
  const p = pattern.trim();
  if (p === '') return undefined;
  let quotes = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '\\') i += 1;
    else if (p[i] === '"') quotes += 1;
  }
  if (quotes % 2 !== 0) return 'Unbalanced double quote: quote exact phrases like "order failed".';
  if (p.startsWith('{')) {
    if (!p.endsWith('}')) return 'A JSON pattern must end with }: { $.level = "ERROR" }';
    if (!p.includes('$.')) return 'A JSON pattern selects fields with $., e.g. { $.status = 500 }';
    return undefined;
  }
  if (p.startsWith('[') && !p.endsWith(']')) return 'A space-delimited pattern must end with ]: [ip, user, status=5*, size]';
  if (/[{}]/.test(p) && !p.startsWith('{')) return 'Braces are for JSON patterns, which start with {.';
  return undefined;
}

/** A file-name-safe fragment: no path separators, bounded length. */
export function safeFragment(text: string, max = 40): string {
  const cleaned = text.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim();
  return cleaned.length > max ? `${cleaned.slice(0, max - 1)}…` : cleaned;
}

/** The last path segment of a group name (`/aws/lambda/orders-fn` -> `orders-fn`). */
export function groupShortName(group: string): string {
  const parts = group.split('/').filter((p) => p !== '');
  return parts[parts.length - 1] ?? group;
}

/** The title of a search result document, e.g. `orders-fn search ERROR (last 1 h).log`. */
export function searchTitle(group: string, pattern: string, range: TimeRange): string {
  return `${safeFragment(groupShortName(group))} search ${pattern.trim() === '' ? 'all events' : safeFragment(pattern)} (${safeFragment(range.label, 60)}).log`;
}

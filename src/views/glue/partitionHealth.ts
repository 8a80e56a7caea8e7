// Partition health of a table with registered partitions: how many there are (a bounded parallel
// scan, `Segment` 0..n-1 of at most 10, cancellable), the oldest and newest partition values, and
// for date-like keys (`dt=2024-01-31`, `year/month/day[/hour]`, `yyyyMMdd`) the days without any
// partition over the last N days before the newest one, and how far the newest is behind today.
// Memory stays small on 100,000 partitions: values are compared as they stream, only distinct
// days are kept (a few thousand at most).
import type { GlueColumn, GlueGateway, GlueTableRef } from '../../aws/glueGateway';

export interface PartitionHealthOptions {
  readonly signal?: AbortSignal;
  /** Parallel segments, 1..10 (Glue's maximum); default 10. */
  readonly segments?: number;
  /** Stop counting after this many partitions (the count then reads "at least"); default 1,000,000. */
  readonly maxPartitions?: number;
  /** Days before the newest partition checked for gaps; default 30. */
  readonly gapDays?: number;
  /** Today (tests fix it). */
  readonly now?: Date;
  /** Called after each page with the partitions counted so far. */
  readonly onProgress?: (counted: number) => void;
}

export interface PartitionHealth {
  readonly count: number;
  /** The scan stopped at `maxPartitions`. */
  readonly truncated: boolean;
  readonly oldest?: readonly string[];
  readonly newest?: readonly string[];
  /** Present when the partition keys read as dates. */
  readonly dates?: {
    /** How the keys were read, e.g. `year/month/day`. */
    readonly keys: string;
    readonly newestDay: string;
    /** Whole days between the newest partition's day and today (UTC). */
    readonly daysBehind: number;
    readonly windowDays: number;
    /** Days (YYYY-MM-DD) in the window with no partition, oldest first. */
    readonly missing: readonly string[];
  };
}

const NUMERIC = /^(tinyint|smallint|int|integer|bigint)$/i;
const DAY_MS = 86_400_000;

/** Compares partition value lists key by key: numbers as numbers for integer keys, else as text. */
export function comparePartitionValues(keys: readonly GlueColumn[], a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x === y) continue;
    if (NUMERIC.test(keys[i]?.type ?? '') && /^-?\d+$/.test(x) && /^-?\d+$/.test(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return 0;
}

/** Reads a partition's day (YYYY-MM-DD) from its values; undefined when the keys are not date-like. */
export type DayReader = ((values: readonly string[]) => string | undefined) & { readonly keys: string };

function validDay(y: string, m: string, d: string): string | undefined {
  const day = `${y.padStart(4, '0')}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const time = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== day ? undefined : day;
}

/** How to read a day from a table's partition keys, or undefined when none of them is a date. */
export function dayReader(keys: readonly GlueColumn[]): DayReader | undefined {
  const names = keys.map((k) => k.name.toLowerCase());
  const year = names.indexOf('year');
  const month = names.indexOf('month');
  const day = names.indexOf('day');
  if (year >= 0 && month >= 0 && day >= 0) {
    const read = (v: readonly string[]): string | undefined => validDay(v[year] ?? '', v[month] ?? '', v[day] ?? '');
    return Object.assign(read, { keys: `${keys[year]!.name}/${keys[month]!.name}/${keys[day]!.name}` });
  }
  // One key holding a whole date: by type or by what its first value looks like is not known yet,
  // so any key named like a date or typed `date` is tried; values that do not parse are skipped.
  const single = keys.findIndex((k) => /^date$/i.test(k.type ?? '') || /^(dt|date|day|ds|event_date|partition_date|ingest_date|load_date)$/i.test(k.name));
  if (single < 0) return undefined;
  const read = (v: readonly string[]): string | undefined => {
    const m = /^(\d{4})[-/]?(\d{2})[-/]?(\d{2})/.exec(v[single] ?? '');
    return m ? validDay(m[1]!, m[2]!, m[3]!) : undefined;
  };
  return Object.assign(read, { keys: keys[single]!.name });
}

function dayOf(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export async function partitionHealth(gateway: GlueGateway, ref: GlueTableRef, keys: readonly GlueColumn[], options: PartitionHealthOptions = {}): Promise<PartitionHealth> {
  const segments = Math.min(10, Math.max(1, Math.floor(options.segments ?? 10)));
  const max = options.maxPartitions ?? 1_000_000;
  const readDay = dayReader(keys);
  const days = new Set<string>();
  let count = 0;
  let truncated = false;
  let oldest: readonly string[] | undefined;
  let newest: readonly string[] | undefined;
  // One controller for every segment: the first failure (or the bound) stops the others' paging.
  const stop = new AbortController();
  const onAbort = (): void => stop.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const scan = async (segment: number): Promise<void> => {
    const query = segments > 1 ? { segment: { number: segment, total: segments } } : {};
    for await (const page of gateway.partitionPages(ref, query, { signal: stop.signal })) {
      for (const partition of page.items) {
        if (oldest === undefined || comparePartitionValues(keys, partition.values, oldest) < 0) oldest = partition.values;
        if (newest === undefined || comparePartitionValues(keys, partition.values, newest) > 0) newest = partition.values;
        const day = readDay?.(partition.values);
        if (day !== undefined) days.add(day);
      }
      count += page.items.length;
      options.onProgress?.(count);
      if (count >= max) {
        truncated = page.nextToken !== undefined || count > max;
        return;
      }
    }
  };
  try {
    // The first failure is the one to report: the segments it stops then fail as cancelled.
    let firstError: { readonly error: unknown } | undefined;
    await Promise.allSettled(
      Array.from({ length: segments }, (_, i) =>
        scan(i).catch((error: unknown) => {
          firstError ??= { error };
          stop.abort(error);
        }),
      ),
    );
    if (firstError) throw firstError.error;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  return { count, truncated, ...(oldest ? { oldest } : {}), ...(newest ? { newest } : {}), ...dateHealth(readDay, days, options) };
}

function dateHealth(readDay: DayReader | undefined, days: ReadonlySet<string>, options: PartitionHealthOptions): Pick<PartitionHealth, 'dates'> {
  if (!readDay || days.size === 0) return {};
  // The newest day (by date, not by the newest values: a key order like day/region still works).
  let newestDay = '';
  for (const day of days) if (day > newestDay) newestDay = day;
  const windowDays = Math.max(1, Math.floor(options.gapDays ?? 30));
  const end = Date.parse(`${newestDay}T00:00:00Z`);
  const missing: string[] = [];
  for (let i = windowDays - 1; i >= 0; i -= 1) {
    const day = dayOf(end - i * DAY_MS);
    if (!days.has(day)) missing.push(day);
  }
  const today = Date.parse(`${dayOf((options.now ?? new Date()).getTime())}T00:00:00Z`);
  return { dates: { keys: readDay.keys, newestDay, daysBehind: Math.max(0, Math.round((today - end) / DAY_MS)), windowDays, missing } };
}

/** The health as Markdown lines for a report document. */
export function partitionHealthReport(table: string, keys: readonly GlueColumn[], health: PartitionHealth): string {
  const show = (values: readonly string[] | undefined): string => (values ? values.map((v, i) => `${keys[i]?.name ?? `#${i + 1}`}=${v}`).join('/') : '—');
  const lines = [
    `# Partition health of ${table}`,
    '',
    `- Registered partitions: **${health.count.toLocaleString('en-US')}${health.truncated ? '+' : ''}**${health.truncated ? ' (the scan stopped at its bound)' : ''}`,
    `- Oldest: \`${show(health.oldest)}\``,
    `- Newest: \`${show(health.newest)}\``,
  ];
  const d = health.dates;
  if (d) {
    lines.push(`- Dates read from \`${d.keys}\`; the newest day is ${d.newestDay}, ${d.daysBehind === 0 ? 'today' : `${d.daysBehind} day${d.daysBehind === 1 ? '' : 's'} before today`}.`);
    lines.push(
      d.missing.length === 0
        ? `- No gaps: every day of the ${d.windowDays} days up to ${d.newestDay} has partitions.`
        : `- **${d.missing.length} of the ${d.windowDays} days** up to ${d.newestDay} have no partition: ${d.missing.slice(0, 60).join(', ')}${d.missing.length > 60 ? ', …' : ''}`,
    );
  } else if (health.count > 0) lines.push('- The partition keys are not date-like (no `year/month/day` or date key), so gaps are not checked.');
  return `${lines.join('\n')}\n`;
}

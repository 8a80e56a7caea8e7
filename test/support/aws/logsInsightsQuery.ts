// A tiny Logs Insights query executor for the local test server. Supported (a subset of the
// real language, enough for tests and the demo):
//   fields a, b        display a, b           (projection; `@timestamp`, `@message`, `@logStream`,
//                                              `@log`, `@ingestionTime`, and top-level keys of
//                                              JSON messages, e.g. `status`)
//   filter f like /re/i    filter f like "text"    filter f not like ...    filter f = v | != | < | > | <= | >=
//   sort f [asc|desc]   limit N (1-10,000)
//   stats count(*) [as name] [by bin(5m) | by field]    (one aggregate, one grouping)
// Anything else throws MalformedQueryError (the server answers MalformedQueryException).
import type { FixtureEvent } from './logsFixtures';

export class MalformedQueryError extends Error {}

export interface QueryRecord {
  readonly group: string;
  readonly stream: string;
  readonly index: number;
  readonly event: FixtureEvent;
}

export type ResultRow = { field: string; value: string }[];

type Fields = Record<string, string | number | undefined>;
type Step = (rows: Fields[]) => Fields[];

/** `2026-01-01 00:00:05.000`, the format Insights returns for @timestamp. */
export function insightsTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

function recordFields(r: QueryRecord, account: string): Fields {
  const fields: Fields = { '@timestamp': r.event.timestamp, '@message': r.event.message, '@logStream': r.stream, '@log': `${account}:${r.group}`, '@ingestionTime': r.event.ingestionTime, '@ptr': `${r.group}|${r.stream}|${r.index}` };
  if (r.event.message.startsWith('{')) {
    try {
      const json = JSON.parse(r.event.message) as unknown;
      if (json && typeof json === 'object' && !Array.isArray(json)) {
        for (const [k, v] of Object.entries(json)) if (typeof v === 'string' || typeof v === 'number') fields[k] ??= v;
      }
    } catch {
      // Not JSON after all: only the built-in fields.
    }
  }
  return fields;
}

/** Splits on `|` outside quotes and /regex/ literals. */
function splitCommands(query: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quote: string | undefined;
  for (let i = 0; i < query.length; i++) {
    const ch = query[i]!;
    if (quote) {
      if (ch === '\\') current += ch + (query[++i] ?? '');
      else {
        if (ch === quote) quote = undefined;
        current += ch;
      }
      continue;
    }
    if (ch === '"' || ch === "'" || (ch === '/' && /(like|^)\s*$/i.test(current))) quote = ch;
    if (ch === '|') {
      parts.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (quote) throw new MalformedQueryError(`Unterminated ${quote} in query`);
  parts.push(current.trim());
  if (parts.some((p) => p === '')) throw new MalformedQueryError('Empty command between pipes');
  return parts;
}

const FIELD = '(@?[A-Za-z_][\\w.]*)';

function value(f: Fields, name: string): string | number | undefined {
  return f[name];
}

function literal(text: string): string | number {
  const t = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  const q = /^"(.*)"$|^'(.*)'$/.exec(t);
  if (q) return q[1] ?? q[2] ?? '';
  throw new MalformedQueryError(`Unexpected value: ${t}`);
}

function compileFilter(arg: string): Step {
  const like = new RegExp(`^${FIELD}\\s+(not\\s+)?like\\s+(?:/(.*)/([a-z]*)|"(.*)")$`, 'i').exec(arg);
  if (like) {
    const [, field, not, re, flags, text] = like;
    let test: (s: string) => boolean;
    if (re !== undefined) {
      let regex: RegExp;
      try {
        regex = new RegExp(re, flags);
      } catch {
        throw new MalformedQueryError(`Invalid regular expression /${re}/`);
      }
      test = (s) => regex.test(s);
    } else test = (s) => s.includes(text!);
    return (rows) => rows.filter((f) => test(String(value(f, field!) ?? '')) !== Boolean(not));
  }
  const cmp = new RegExp(`^${FIELD}\\s*(=|!=|<=|>=|<|>)\\s*(.+)$`).exec(arg);
  if (!cmp) throw new MalformedQueryError(`Unsupported filter: ${arg}`);
  const [, field, op, raw] = cmp;
  const want = literal(raw!);
  return (rows) =>
    rows.filter((f) => {
      const got = value(f, field!);
      if (got === undefined) return false;
      const a = typeof want === 'number' ? Number(got) : String(got);
      switch (op) {
        case '=':
          return a === want;
        case '!=':
          return a !== want;
        case '<':
          return a < want;
        case '>':
          return a > want;
        case '<=':
          return a <= want;
        default:
          return a >= want;
      }
    });
}

function compileStats(arg: string): Step {
  const m = /^count\(\s*\*?\s*\)(?:\s+as\s+(\w+))?(?:\s+by\s+(?:bin\(\s*(\d+)\s*([smhd])\s*\)|(@?[A-Za-z_][\w.]*)))?$/i.exec(arg);
  if (!m) throw new MalformedQueryError(`Unsupported stats: ${arg} (only count(*) by bin(..) or by a field)`);
  const [, alias, amount, unit, byField] = m;
  const name = alias ?? 'count(*)';
  const width = amount ? Number(amount) * { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[unit!.toLowerCase() as 's' | 'm' | 'h' | 'd'] : undefined;
  const key = width ? `bin(${amount}${unit})` : byField;
  return (rows) => {
    const groups = new Map<string, { k: string | number | undefined; n: number }>();
    for (const f of rows) {
      const k = width ? Math.floor(Number(f['@timestamp']) / width) * width : key ? value(f, key) : undefined;
      const id = String(k);
      const g = groups.get(id) ?? { k, n: 0 };
      g.n += 1;
      groups.set(id, g);
    }
    return [...groups.values()].map((g) => ({ ...(key ? { [key]: width ? insightsTime(Number(g.k)) : g.k } : {}), [name]: g.n }));
  };
}

export interface CompiledQuery {
  run(records: readonly QueryRecord[], account: string, limit?: number): ResultRow[];
}

/** Parses `query`; throws MalformedQueryError for anything outside the supported subset. */
export function compileQuery(query: string): CompiledQuery {
  if (query.trim() === '') throw new MalformedQueryError('The query is empty');
  const steps: Step[] = [];
  let projection: string[] | undefined;
  let limit: number | undefined;
  let aggregated = false;
  for (const command of splitCommands(query)) {
    const m = /^(\w+)\s*(.*)$/s.exec(command);
    const [, verb, arg] = m ?? [];
    switch (verb?.toLowerCase()) {
      case 'fields':
      case 'display': {
        const names = arg!.split(',').map((n) => n.trim());
        if (names.some((n) => !new RegExp(`^${FIELD}$`).test(n))) throw new MalformedQueryError(`Invalid field list: ${arg}`);
        projection = [...(projection ?? []), ...names];
        break;
      }
      case 'filter':
        steps.push(compileFilter(arg!.trim()));
        break;
      case 'sort': {
        const s = new RegExp(`^${FIELD}(?:\\s+(asc|desc))?$`, 'i').exec(arg!.trim());
        if (!s) throw new MalformedQueryError(`Invalid sort: ${arg}`);
        const [, field, dir] = s;
        const sign = dir?.toLowerCase() === 'asc' ? 1 : -1;
        steps.push((rows) => [...rows].sort((a, b) => sign * ((value(a, field!) ?? '') < (value(b, field!) ?? '') ? -1 : (value(a, field!) ?? '') > (value(b, field!) ?? '') ? 1 : 0)));
        break;
      }
      case 'limit': {
        const n = Number(arg);
        if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new MalformedQueryError(`limit must be 1-10000: ${arg}`);
        limit = n;
        break;
      }
      case 'stats':
        steps.push(compileStats(arg!.trim()));
        aggregated = true;
        break;
      default:
        throw new MalformedQueryError(`Unsupported command: ${verb ?? command}`);
    }
  }
  return {
    run(records, account, requestLimit) {
      let rows = records.map((r) => recordFields(r, account));
      for (const step of steps) rows = step(rows);
      const cap = Math.min(limit ?? 10_000, requestLimit ?? 10_000);
      rows = rows.slice(0, cap);
      return rows.map((f) => {
        const names = aggregated ? Object.keys(f) : [...(projection ?? ['@timestamp', '@message']), '@ptr'];
        return names.filter((n) => f[n] !== undefined).map((n) => ({ field: n, value: n === '@timestamp' || n === '@ingestionTime' ? insightsTime(Number(f[n])) : String(f[n]) }));
      });
    },
  };
}

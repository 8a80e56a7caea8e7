// Bulk origin-control plans besides a selection or a ListPackages filter (originOperation.ts):
// from a CSV manifest (AWS's toolkit columns: format, namespace, package, publish, upstream), and
// auto mode (block upstream where nothing upstream can supply the package, block publish where
// every version came from upstream). Every item is a package READ from the repository: a name
// that is not there is reported (typo?) and left out, never written, since
// PutPackageOriginConfiguration would create it as a phantom package. Plans export to CSV (the
// same columns, so an exported plan is a valid manifest) and JSON (what `archlens origin apply`
// reads), and read as a Markdown table for review.
import type { CodeArtifactFormat, CodeArtifactGateway, OriginRestriction, PackageCoordinates, PackageFilter, PackageSummary } from '../../aws/codeArtifactGateway';
import type { RunReport } from '../executor';
import { MAX_PLAN_ITEMS, type PlanItem } from '../plan';
import { boundedMap } from './boundedMap';
import { coordinatesOf } from './packageNames';
import { describeIntent, isMissing, ORIGIN_OPERATION, originCodec, packageFromKey, packageKey, planTarget, type OriginIntent, type OriginPlan, type OriginPlanTarget, type OriginState } from './originOperation';

const FORMATS: ReadonlySet<string> = new Set(['npm', 'pypi', 'maven', 'nuget', 'generic', 'ruby', 'swift', 'cargo']);

export class ManifestError extends Error {
  override readonly name = 'ManifestError';
}

/** A plan item with why it is there (auto mode) or why a row was left out. */
export interface PlannedPackage {
  readonly coordinates: PackageCoordinates;
  readonly intent: OriginIntent;
  readonly reason?: string;
}

export interface BuiltPlan {
  readonly plan: OriginPlan;
  /** Per item key: why auto mode chose it. */
  readonly reasons: ReadonlyMap<string, string>;
  /** Rows or packages left out, with the reason (not in the repository, nothing to change...). */
  readonly skipped: readonly { readonly label: string; readonly reason: string }[];
}

/** Splits one CSV line (RFC 4180 quotes; no multi-line fields: a manifest has none). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      fields.push(field.trim());
      field = '';
    } else field += ch;
  }
  fields.push(field.trim());
  return fields;
}

function restriction(value: string, line: number, column: string): OriginRestriction | undefined {
  const v = value.toUpperCase();
  if (v === '') return undefined;
  if (v === 'ALLOW' || v === 'BLOCK') return v;
  throw new ManifestError(`Line ${line}: ${column} must be ALLOW, BLOCK or empty (keep), not "${value.slice(0, 40)}".`);
}

/**
 * Parses a manifest CSV: `format,namespace,package,publish,upstream` (a header row with these
 * names is optional; other columns after them are ignored, so an exported plan reads back).
 * @throws {ManifestError} naming the line of the first bad row.
 */
export function parseManifestCsv(text: string): PlannedPackage[] {
  const rows: PlannedPackage[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    const [format = '', namespace = '', name = '', publish = '', upstream = ''] = csvFields(raw);
    if (i === 0 && format.toLowerCase() === 'format' && name.toLowerCase() === 'package') return;
    if (!FORMATS.has(format)) throw new ManifestError(`Line ${line}: "${format.slice(0, 40)}" is not a CodeArtifact format (npm, pypi, maven, nuget, generic, ruby, swift, cargo).`);
    const written = format === 'npm' && namespace ? `@${namespace.replace(/^@/, '')}/${name}` : format === 'maven' ? `${namespace}:${name}` : name;
    const parsed = format === 'npm' || format === 'maven' || format === 'pypi' || format === 'nuget' ? coordinatesOf(format, written) : name ? { format: format as CodeArtifactFormat, ...(namespace ? { namespace } : {}), name } : undefined;
    if (!parsed) throw new ManifestError(`Line ${line}: "${written.slice(0, 80)}" is not a valid ${format} package name.`);
    const intent: OriginIntent = { ...(restriction(publish, line, 'publish') ? { publish: restriction(publish, line, 'publish')! } : {}), ...(restriction(upstream, line, 'upstream') ? { upstream: restriction(upstream, line, 'upstream')! } : {}) };
    if (!intent.publish && !intent.upstream) throw new ManifestError(`Line ${line}: set publish or upstream (ALLOW or BLOCK); both are empty.`);
    if (rows.length >= MAX_PLAN_ITEMS) throw new ManifestError(`The manifest has more than ${MAX_PLAN_ITEMS} rows; split it.`);
    rows.push({ coordinates: parsed, intent });
  });
  return rows;
}

/** A plan from packages read now; each with its own intent. Missing packages are reported in `skipped`. */
async function planFromReads(gateway: CodeArtifactGateway, target: OriginPlanTarget, wanted: readonly PlannedPackage[], signal?: AbortSignal): Promise<BuiltPlan> {
  const seen = new Set<string>();
  const unique = wanted.filter((w) => {
    const key = packageKey(w.coordinates);
    return seen.has(key) ? false : (seen.add(key), true);
  });
  const reads = await boundedMap(unique, 8, (w) => gateway.describePackage(target, w.coordinates, { signal }), signal);
  const items: PlanItem<OriginState, OriginIntent>[] = [];
  const reasons = new Map<string, string>();
  const skipped: { label: string; reason: string }[] = [];
  unique.forEach((w, i) => {
    const found = reads[i];
    const key = packageKey(w.coordinates);
    if (!found) skipped.push({ label: label(w.coordinates), reason: 'not in the repository (a typo?): left out, because setting origin controls would create it as an empty package' });
    else if (!found.origin) skipped.push({ label: label(w.coordinates), reason: 'origin controls not reported' });
    else {
      items.push({ key, before: found.origin, intent: w.intent });
      if (w.reason) reasons.set(key, w.reason);
    }
  });
  return { plan: { operation: ORIGIN_OPERATION, target: planTarget(target), items }, reasons, skipped };
}

/** A plan from a CSV manifest; names not in the repository are listed in `skipped`, never written. */
export function originPlanFromManifest(gateway: CodeArtifactGateway, target: OriginPlanTarget, text: string, signal?: AbortSignal): Promise<BuiltPlan> {
  return planFromReads(gateway, target, parseManifestCsv(text), signal);
}

async function listAll(gateway: CodeArtifactGateway, location: OriginPlanTarget | { domain: string; domainOwner?: string; repository: string }, filter: PackageFilter, signal?: AbortSignal): Promise<PackageSummary[]> {
  const out: PackageSummary[] = [];
  for await (const page of gateway.packagePages(location, filter, { pageSize: 1000, signal })) {
    out.push(...page.items);
    if (out.length > MAX_PLAN_ITEMS) throw new ManifestError(`More than ${MAX_PLAN_ITEMS} packages match; narrow the filter (format or prefix).`);
  }
  return out;
}

/**
 * Auto mode. Upstream BLOCK where the repository has no external connection and no upstream
 * repository holds the package (nothing upstream can supply it, so blocking loses nothing).
 * Publish BLOCK where every version came from upstream (EXTERNAL only: nobody here publishes it).
 * Both are checked per package; packages already as proposed are left out.
 */
export async function originPlanAuto(gateway: CodeArtifactGateway, target: OriginPlanTarget, filter: PackageFilter = {}, signal?: AbortSignal): Promise<BuiltPlan> {
  const detail = await gateway.describeRepository(target, { signal });
  const upstreamHeld = new Set<string>();
  for (const upstream of detail.upstreams) {
    for (const p of await listAll(gateway, { domain: target.domain, ...(target.domainOwner ? { domainOwner: target.domainOwner } : {}), repository: upstream }, filter, signal)) upstreamHeld.add(packageKey(p));
  }
  const external = detail.externalConnections.length > 0;
  const packages = (await listAll(gateway, target, filter, signal)).filter((p) => p.origin);
  const wanted = await boundedMap(
    packages,
    8,
    async (p): Promise<PlannedPackage | undefined> => {
      const reasons: string[] = [];
      const intent: { publish?: OriginRestriction; upstream?: OriginRestriction } = {};
      if (p.origin!.upstream === 'ALLOW' && !external && !upstreamHeld.has(packageKey(p))) {
        intent.upstream = 'BLOCK';
        reasons.push(detail.upstreams.length > 0 ? 'no external connection, and no upstream repository holds it' : 'no external connection and no upstream repository');
      }
      if (p.origin!.publish === 'ALLOW') {
        const onlyExternal =
          (await gateway.hasVersions(target, p, 'INTERNAL', { signal })) === false &&
          (await gateway.hasVersions(target, p, 'UNKNOWN', { signal })) === false &&
          (await gateway.hasVersions(target, p, 'EXTERNAL', { signal })) === true;
        if (onlyExternal) {
          intent.publish = 'BLOCK';
          reasons.push('every version came from upstream');
        }
      }
      return intent.publish || intent.upstream ? { coordinates: { format: p.format, ...(p.namespace ? { namespace: p.namespace } : {}), name: p.name }, intent, reason: reasons.join('; ') } : undefined;
    },
    signal,
  );
  const chosen = wanted.filter((w): w is PlannedPackage => w !== undefined);
  // The listing was just read: plan from it (the executor re-reads each package before writing).
  const byKey = new Map(packages.map((p) => [packageKey(p), p]));
  const items = chosen.map((w) => ({ key: packageKey(w.coordinates), before: byKey.get(packageKey(w.coordinates))!.origin!, intent: w.intent }));
  const reasons = new Map(chosen.map((w) => [packageKey(w.coordinates), w.reason ?? '']));
  return { plan: { operation: ORIGIN_OPERATION, target: planTarget(target), items }, reasons, skipped: [] };
}

function label(p: PackageCoordinates): string {
  return `${p.format} ${p.namespace ? `${p.namespace}/` : ''}${p.name}`;
}

function csvCell(value: string): string {
  // Quote when needed; a leading = + - @ is prefixed so a spreadsheet does not run it as a formula.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Per item of a plan: coordinates, before, intent, and the dry run's status and reading if given. */
export interface PlanRow {
  readonly coordinates: PackageCoordinates;
  readonly before: OriginState;
  readonly intent: OriginIntent;
  readonly status?: string;
  readonly current?: OriginState;
  readonly reason?: string;
}

export function planRows(plan: OriginPlan, dryRun?: RunReport<OriginState>, reasons?: ReadonlyMap<string, string>): PlanRow[] {
  const results = new Map((dryRun?.results ?? []).map((r) => [r.key, r]));
  return plan.items.flatMap((item) => {
    const coordinates = packageFromKey(item.key);
    if (!coordinates) return [];
    const result = results.get(item.key);
    const reason = reasons?.get(item.key);
    return [{ coordinates, before: item.before, intent: item.intent, ...(result ? { status: result.status } : {}), ...(result?.current ? { current: result.current } : {}), ...(reason ? { reason } : {}) }];
  });
}

const stateText = (s: OriginState | undefined): string => (!s ? '' : isMissing(s) ? 'missing' : `${s.publish}/${s.upstream}`);

/** The toolkit's manifest columns first (so the file reads back as a manifest), then the review columns. */
export function planToCsv(rows: readonly PlanRow[]): string {
  const header = 'format,namespace,package,publish,upstream,before_publish,before_upstream,status,reason';
  const lines = rows.map((r) => {
    const before = isMissing(r.before) ? { publish: '', upstream: '' } : r.before;
    return [r.coordinates.format, r.coordinates.namespace ?? '', r.coordinates.name, r.intent.publish ?? '', r.intent.upstream ?? '', before.publish, before.upstream, r.status ?? '', r.reason ?? ''].map(csvCell).join(',');
  });
  return [header, ...lines].join('\n') + '\n';
}

/** The plan as `archlens origin apply` reads it back: operation, target and items (key, before, intent). */
export function planToJson(plan: OriginPlan, rows?: readonly PlanRow[]): string {
  return JSON.stringify({ operation: plan.operation, target: plan.target, items: plan.items.map((item, i) => ({ ...item, ...(rows?.[i]?.status ? { status: rows[i].status } : {}), ...(rows?.[i]?.reason ? { reason: rows[i].reason } : {}) })) }, null, 2) + '\n';
}

/** Reads a plan written by `planToJson`, checking every item (the file may have been edited). */
export function planFromJson(text: string): OriginPlan {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ManifestError('The plan file is not JSON. Make one with `archlens origin plan ... --out plan.json`.');
  }
  const v = value as { operation?: unknown; target?: unknown; items?: unknown };
  if (typeof value !== 'object' || value === null || v.operation !== ORIGIN_OPERATION || typeof v.target !== 'object' || v.target === null || !Array.isArray(v.items)) {
    throw new ManifestError(`The plan file is not an origin-control plan (operation "${ORIGIN_OPERATION}", target, items).`);
  }
  const target: Record<string, string> = {};
  for (const [k, val] of Object.entries(v.target as Record<string, unknown>)) if (typeof val === 'string') target[k] = val;
  const items = v.items.map((raw: unknown, i: number) => {
    const item = raw as { key?: unknown; before?: unknown; intent?: unknown };
    const before = originCodec.state(item?.before);
    const intent = originCodec.intent(item?.intent);
    if (typeof item?.key !== 'string' || !packageFromKey(item.key) || !before || !intent) throw new ManifestError(`Plan item ${i + 1} is not valid (key, before, intent).`);
    return { key: item.key, before, intent };
  });
  return { operation: ORIGIN_OPERATION, target, items };
}

function mdCell(value: string): string {
  return value.replace(/[|\\`*_<>[\]]/g, (c) => `\\${c}`);
}

/** The plan as a Markdown document: what, where, how many, then one row per package. */
export function planToMarkdown(plan: OriginPlan, rows: readonly PlanRow[], skipped: BuiltPlan['skipped'] = []): string {
  const t = plan.target;
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.status ?? 'planned', (counts.get(r.status ?? 'planned') ?? 0) + 1);
  const lines = [
    `# Origin-control plan: ${mdCell(t.domain ?? '')}/${mdCell(t.repository ?? '')}`,
    '',
    `Account **${mdCell(t.account ?? '')}**, region **${mdCell(t.region ?? '')}**, ${rows.length} package(s) in the plan: ${[...counts].map(([s, n]) => `${n} ${s}`).join(', ') || 'none'}.`,
    '',
    'Statuses come from a dry run that re-read every package: `would-write` will be written, `unchanged` is already as asked, `conflict` changed since it was listed and will be left alone.',
    '',
    '| # | package | format | before | change | status | why |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((r, i) => `| ${i + 1} | ${mdCell(r.coordinates.namespace ? `${r.coordinates.namespace}/${r.coordinates.name}` : r.coordinates.name)} | ${r.coordinates.format} | ${stateText(r.before)} | ${mdCell(describeIntent(r.intent))} | ${r.status ?? ''} | ${mdCell(r.reason ?? '')} |`),
  ];
  if (skipped.length > 0) lines.push('', `## Left out (${skipped.length})`, '', ...skipped.slice(0, 1000).map((s) => `- ${mdCell(s.label)}: ${mdCell(s.reason)}`));
  return lines.join('\n') + '\n';
}

// The two sides of a drifted resource's diff editor. CloudFormation returns the expected and
// actual properties as JSON strings in whatever key order the service produced; sorting keys
// recursively and pretty-printing makes the diff show only real differences.
import type { StackResourceDrift } from '../../aws/cloudFormationGateway';

export interface DriftDiffContent {
  readonly expected: string;
  readonly actual: string;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  // A null-prototype object keeps a `__proto__` property an ordinary key.
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out;
}

/** Pretty-printed, key-sorted JSON; text that is not JSON is returned as it is. */
export function normalizeProperties(json: string): string {
  try {
    return `${JSON.stringify(sortKeys(JSON.parse(json)), null, 2)}\n`;
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
}

/** Expected (template) vs actual (live) properties of one resource drift. */
export function driftDiffContent(drift: StackResourceDrift): DriftDiffContent {
  const status = drift.StackResourceDriftStatus;
  const expected = drift.ExpectedProperties !== undefined ? normalizeProperties(drift.ExpectedProperties) : '// No expected properties were reported.\n';
  let actual: string;
  if (status === 'DELETED') actual = '// The resource was deleted outside CloudFormation.\n';
  else if (status === 'NOT_CHECKED') actual = '// CloudFormation does not check this resource type for drift.\n';
  else actual = drift.ActualProperties !== undefined ? normalizeProperties(drift.ActualProperties) : '// No actual properties were reported.\n';
  return { expected, actual };
}

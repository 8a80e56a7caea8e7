// How a dependency named in a manifest maps to CodeArtifact's coordinates (format, namespace,
// name), and how CodeArtifact normalises names: pypi lowercases and turns runs of `.`, `-`, `_`
// into one `-` (PEP 503); nuget lowercases; npm's scope is the namespace without `@`; Maven's
// groupId is the namespace. Names come from workspace files: hostile input, so they are checked
// against the lengths and characters CodeArtifact accepts before any request is made.
import type { CodeArtifactFormat, PackageCoordinates } from '../../aws/codeArtifactGateway';

/** The longest package name or namespace CodeArtifact accepts. */
const MAX_NAME = 255;

/** CodeArtifact's stored form of a name in `format`. */
export function normalizePackageName(format: CodeArtifactFormat, name: string): string {
  if (format === 'pypi') return name.toLowerCase().replace(/[-_.]+/g, '-');
  if (format === 'nuget') return name.toLowerCase();
  return name;
}

function plausible(part: string): boolean {
  // No control characters, no path separators other than the ones the format allows, bounded.
  return part.length > 0 && part.length <= MAX_NAME && !/[\u0000-\u001f\u007f\s/\\]/.test(part);
}

/**
 * The coordinates of a dependency as written in a manifest (`@acme/billing-client`,
 * `com.acme:orders-core`, `Acme_ETL`), or undefined when it cannot be a package name.
 */
export function coordinatesOf(format: CodeArtifactFormat, written: string): PackageCoordinates | undefined {
  if (format === 'npm') {
    const scoped = /^@([^/]+)\/([^/]+)$/.exec(written);
    if (scoped) return plausible(scoped[1]!) && plausible(scoped[2]!) ? { format, namespace: scoped[1]!, name: scoped[2]! } : undefined;
    return plausible(written) && !written.startsWith('@') ? { format, name: written } : undefined;
  }
  if (format === 'maven') {
    const [group, artifact, ...rest] = written.split(':');
    return rest.length === 0 && group !== undefined && artifact !== undefined && plausible(group) && plausible(artifact) ? { format, namespace: group, name: artifact } : undefined;
  }
  return plausible(written) ? { format, name: normalizePackageName(format, written) } : undefined;
}

/** The package path CodeArtifact's package groups match: `/npm/acme/billing-client`, `/pypi//acme-etl`. */
export function packagePath(coordinates: PackageCoordinates): string {
  return `/${coordinates.format}/${coordinates.namespace ?? ''}/${coordinates.name}`;
}

/**
 * The region of a CDK stack's template, from the cloud assembly beside it (the diagram's Region
 * box, `src/extension/diagram/diagramRegion.ts`): `manifest.json`'s artifact of type
 * `aws:cloudformation:stack` whose `templateFile` is this file, environment
 * `aws://account/region` (`unknown-region`: an environment-agnostic stack, no region).
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseEnvironment } from '../../engine/cdk/assembly';

/** A cloud assembly manifest larger than this is not read for a label. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** What a region name looks like (`eu-west-1`, `us-gov-west-1`, `cn-north-1`): anything else is not shown. */
export const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** The region of the stack whose template file this is, or undefined (no assembly, agnostic stack, unreadable manifest). */
export function cdkStackRegion(templatePath: string): string | undefined {
  const manifestPath = join(dirname(templatePath), 'manifest.json');
  try {
    const stat = statSync(manifestPath);
    if (!stat.isFile() || stat.size > MAX_MANIFEST_BYTES) return undefined;
    const manifest: unknown = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const artifacts = typeof manifest === 'object' && manifest !== null ? (manifest as Record<string, unknown>)['artifacts'] : undefined;
    if (typeof artifacts !== 'object' || artifacts === null) return undefined;
    const file = basename(templatePath);
    for (const artifact of Object.values(artifacts as Record<string, unknown>)) {
      if (typeof artifact !== 'object' || artifact === null) continue;
      const { type, environment, properties } = artifact as Record<string, unknown>;
      const templateFile = typeof properties === 'object' && properties !== null ? (properties as Record<string, unknown>)['templateFile'] : undefined;
      if (type !== 'aws:cloudformation:stack' || templateFile !== file || typeof environment !== 'string') continue;
      const region = parseEnvironment(environment).region;
      return region !== undefined && REGION_NAME.test(region) ? region : undefined;
    }
  } catch {
    // No manifest (not a cloud assembly), or one that does not parse: no region from CDK.
  }
  return undefined;
}

/**
 * Which region the diagram's Region box names, first that applies:
 *
 * 1. a deployed stack's region ("Show Diagram" on a stack: the connection's region);
 * 2. a CDK stack's environment: the template sits in a cloud assembly (`cdk.out`) whose
 *    `manifest.json` gives the stack `environment: aws://account/region` (not
 *    `unknown-region`: an environment-agnostic stack);
 * 3. the user's AWS region: the `archlens.aws.region` setting, else `AWS_REGION` /
 *    `AWS_DEFAULT_REGION` (as the AWS CLI resolves it).
 *
 * Otherwise none: the box reads "Region" (a template deploys to whichever region its stack is
 * created in; the header's hover says so). The region is only a label: nothing is called.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { RegionInfo } from '../../engine/graph/awsFrame';
import { parseEnvironment } from '../../engine/cdk/assembly';

/** A cloud assembly manifest larger than this is not read for a label. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** What a region name looks like (`eu-west-1`, `us-gov-west-1`, `cn-north-1`): anything else is not shown. */
const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

export function diagramRegion(uri: vscode.Uri, liveRegion: string | undefined): RegionInfo | undefined {
  if (liveRegion !== undefined && REGION_NAME.test(liveRegion)) return { name: liveRegion, source: 'the deployed stack' };
  const cdk = uri.scheme === 'file' ? cdkStackRegion(uri.fsPath) : undefined;
  if (cdk !== undefined) return { name: cdk, source: 'the CDK stack environment (cdk.out/manifest.json)' };
  const setting = vscode.workspace.getConfiguration('archlens.aws').get<string>('region', '').trim();
  if (REGION_NAME.test(setting)) return { name: setting, source: 'your AWS region (archlens.aws.region); the template itself may deploy anywhere' };
  const environment = (process.env['AWS_REGION'] ?? process.env['AWS_DEFAULT_REGION'] ?? '').trim();
  if (REGION_NAME.test(environment)) return { name: environment, source: 'your AWS region (AWS_REGION); the template itself may deploy anywhere' };
  return undefined;
}

/** The region of the stack whose template file this is, from the cloud assembly beside it. */
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

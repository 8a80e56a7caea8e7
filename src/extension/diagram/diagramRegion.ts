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
import * as vscode from 'vscode';
import type { RegionInfo } from '../../engine/graph/awsFrame';
import { cdkStackRegion, REGION_NAME } from '../../node/cdk/stackRegion';

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

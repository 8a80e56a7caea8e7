// Entry of dist/cdkReader.js: everything that reads CDK apps for the view, lenses and go to
// definition (the assembly reader, the engine with its rules and catalogue, the source locator),
// as a bundle of its own that the extension loads on first use (`loadCdkReader` in
// cdkWorkspace.ts). The engine and its OpenAPI validators are about 2 MB: a workspace without CDK
// apps, and every activation before the CDK view or a CDK source is shown, never parse them.
// No `vscode` here.
import { createAnalyzer, type Analyzer } from '../../engine/analyzer';
import { defaultCatalogDir, loadCatalogFromDir } from '../../node/catalogLoader';
import type { CdkApp } from '../../views/cdk/cdkModel';
import { indexTemplate, type TemplateIndex } from '../../views/cdk/templateIndex';
import { appSnapshot } from './appSnapshot';
import { constructLocator } from './sourceLocator';

export interface CdkReader {
  /** The view model of the app in `folder` (a folder with cdk.json). */
  snapshot(folder: string, name: string): CdkApp;
  /** A synthesized template's resources (no lint: for go to definition). */
  templateIndex(file: string, text: string): TemplateIndex;
}

export function createCdkReader(): CdkReader {
  let analyzer: Analyzer | undefined;
  // The catalogue is beside the bundle (dist/catalog), loaded on the first read.
  const engine = (): Analyzer => (analyzer ??= createAnalyzer({ catalog: loadCatalogFromDir(defaultCatalogDir()) }));
  return {
    snapshot: (folder, name) => appSnapshot(folder, { analyzer: engine(), locator: constructLocator, name }),
    templateIndex: (file, text) => indexTemplate(engine().analyze(file, text), []),
  };
}

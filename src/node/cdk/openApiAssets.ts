/**
 * OpenAPI files a synthesized template includes by S3 URL (`Fn::Transform: AWS::Include` with
 * `Location: s3://cdk-...-assets-.../<hash>.yaml`, the CDK way of `Asset` + `Fn.transform`): the
 * engine's `apigw-template-references` check (`checkIncludedReferences`) run on the staged copy,
 * each finding placed in the project's own OpenAPI file, with the template's Location and the
 * app's `overrideLogicalId` calls as related places (a rename on either side breaks the link).
 */
import * as path from 'node:path';
import type { AnalyzedDocument } from '../../engine/analyzedDocument';
import type { Catalog } from '../../engine/catalog/catalogTypes';
import { checkIncludedReferences, parseIncludedFile } from '../../engine/apigateway/templateReferences';
import { asIntrinsic } from '../../engine/cfn/intrinsics';
import { getValue, type ParsedDocument } from '../../engine/document/located';
import type { Finding, RelatedLocation } from '../../engine/findings';
import type { LoadedCdkApp } from './loadCdkApp';
import { overrideCalls, sameBytesIn, stagedAssetFile } from './stagedAssets';
import { listSourceFiles } from './staticLocator';
import { DISK, type FileAccess } from './runFiles';

const API_BODY: ReadonlyMap<string, string> = new Map([
  ['AWS::ApiGateway::RestApi', 'Body'],
  ['AWS::ApiGatewayV2::Api', 'Body'],
  ['AWS::Serverless::Api', 'DefinitionBody'],
  ['AWS::Serverless::HttpApi', 'DefinitionBody'],
]);

/** What one lint run of an app learns once about its files (directory walks are not repeated per stack). */
export class AppFileCache {
  private overrides: Map<string, RelatedLocation> | undefined;
  private readonly originals = new Map<string, string | undefined>();
  private readonly staged = new Map<string, string | undefined>();
  private readonly documents = new Map<string, { text: string; document: ParsedDocument } | undefined>();

  /** `files` and `sourceFiles` are the lint run's (SourceLocator): files read once, folders listed once. */
  constructor(
    private readonly appDir: string,
    private readonly files: FileAccess = DISK,
    private readonly sourceFiles: () => readonly string[] = () => listSourceFiles(appDir, files),
  ) {}

  /** The staged file of an asset URL (several stacks often include the same one). */
  stagedFile(app: LoadedCdkApp, location: string): string | undefined {
    if (!this.staged.has(location)) this.staged.set(location, stagedAssetFile(app, `/${location.replace('://', ':/')}`));
    return this.staged.get(location);
  }

  /** A staged file's text and parse, read once per run; undefined when unreadable. */
  document(staged: string, label: string): { text: string; document: ParsedDocument } | undefined {
    if (!this.documents.has(staged)) {
      const text = this.files.text(staged);
      this.documents.set(staged, text === undefined ? undefined : { text, document: parseIncludedFile(label, text) });
    }
    return this.documents.get(staged);
  }

  overrideCalls(): Map<string, RelatedLocation> {
    return (this.overrides ??= overrideCalls(this.sourceFiles(), this.files));
  }

  original(staged: string): string | undefined {
    if (!this.originals.has(staged)) this.originals.set(staged, sameBytesIn(this.appDir, staged, this.files));
    return this.originals.get(staged);
  }
}

/** Findings on the project's OpenAPI files included by S3 asset URL from this template. */
export function openApiAssetFindings(app: LoadedCdkApp, analyzed: AnalyzedDocument, catalog: Catalog, cache = app.appDir ? new AppFileCache(app.appDir) : undefined): Finding[] {
  const template = analyzed.template;
  if (!template || !cache) return [];
  const out: Finding[] = [];
  for (const resource of template.resources.values()) {
    const bodyKey = resource.type ? API_BODY.get(resource.type) : undefined;
    const call = bodyKey ? asIntrinsic(getValue(resource.properties, bodyKey)) : undefined;
    if (call?.name !== 'Fn::Transform') continue;
    const location = getValue(getValue(call.argument, 'Parameters'), 'Location');
    if (location?.kind !== 'scalar' || typeof location.value !== 'string' || !location.value.startsWith('s3://')) continue;
    const staged = cache.stagedFile(app, location.value);
    if (!staged) continue;
    const original = cache.original(staged) ?? staged;
    const included = cache.document(staged, original);
    if (!included) continue;
    const problems = checkIncludedReferences(original, included.text, template, catalog, included.document);
    if (problems.length === 0) continue;
    // The app's overrideLogicalId calls are looked for only when there is a finding to show them with.
    const overrides = cache.overrideCalls();
    const note = overrides.size > 0 ? ` The app sets logical ids with overrideLogicalId (${[...overrides.keys()].join(', ')}): rename on both sides or on neither.` : '';
    const range = analyzed.lineIndex.rangeOf(location.span);
    for (const problem of problems) {
      out.push({
        rule: 'apigw-template-references',
        severity: 'error',
        message: problem.message + note,
        span: location.span,
        range,
        otherFile: { file: original, range: problem.range, span: problem.span },
        related: [
          { file: analyzed.fileName, range, span: location.span, message: `${resource.name} includes this file here (${path.basename(staged)})` },
          ...overrides.values(),
        ],
      });
    }
  }
  return out;
}

/**
 * Lints every stack of a CDK app's assembly with the engine (all CloudFormation rules) and moves
 * each finding to the source that made the resource (sourceLocator.ts), keeping the template
 * place as related information. Violations of validation-report.json are placed the same way,
 * unless one of our findings already covers that resource property.
 */
import * as path from 'node:path';
import type { Analyzer } from '../../engine/analyzer';
import type { CdkStack, CdkValidationViolation } from '../../engine/cdk/assemblyModel';
import { parseFrame, type CreationFrame } from '../../engine/cdk/frames';
import { keyPathAt, resourcePropertyPath } from '../../engine/cdk/templatePath';
import type { Finding, LintOptions, RelatedLocation, Severity } from '../../engine/findings';
import type { LoadedCdkApp } from './loadCdkApp';
import { AppFileCache, openApiAssetFindings } from './openApiAssets';
import { SourceLocator, type SourcePlacement } from './sourceLocator';

/** Findings of one synthesized template: placed on sources (`otherFile`) where the construct was found. */
export interface CdkTemplateReport {
  /** Absolute path of the template. */
  readonly templateFile: string;
  readonly stack: CdkStack;
  readonly findings: readonly Finding[];
}

/** The result of linting one app. */
export interface CdkLintResult {
  readonly reports: readonly CdkTemplateReport[];
  /** Things that could not be read, in words. */
  readonly problems: readonly string[];
}

const OPENAPI_RULE = 'apigw-template-references';

/** Rule id of validation-report.json violations shown by ArchLens. */
export const CDK_VALIDATION_RULE = 'cdk-validation-report';

function severityOf(value: string): Severity {
  const lower = value.toLowerCase();
  return lower === 'error' || lower === 'fatal' ? 'error' : lower === 'info' || lower === 'informational' ? 'info' : 'warning';
}

function placementNote(placement: SourcePlacement): string {
  return placement.inferred ? ` (placement inferred from the construct id '${placement.matchedId ?? ''}': the assembly records no creation stacks)` : '';
}

function templateLabel(stack: CdkStack, logicalId: string | undefined): string {
  return logicalId ? `synthesized into ${logicalId} of stack ${stack.displayName}` : `synthesized into stack ${stack.displayName}`;
}

/**
 * Resource properties our findings are about, per template and resource: a validation-report
 * violation of the same property (or of a property above or below it) is already said.
 */
class CoveredProperties {
  /** `template#logicalId` -> property paths joined with `.`. */
  private readonly byResource = new Map<string, Set<string>>();

  add(templateFile: string, logicalId: string, properties: readonly (string | number)[]): void {
    const key = `${templateFile}#${logicalId}`;
    let paths = this.byResource.get(key);
    if (!paths) this.byResource.set(key, (paths = new Set()));
    paths.add(properties.join('.'));
  }

  /** Whether a finding of ours is on this property, one inside it or one that holds it. */
  overlaps(templateFile: string, logicalId: string, properties: readonly (string | number)[]): boolean {
    const paths = this.byResource.get(`${templateFile}#${logicalId}`);
    if (!paths) return false;
    const wanted = properties.join('.');
    for (const ours of paths) if (ours === wanted || ours.startsWith(`${wanted}.`) || wanted.startsWith(`${ours}.`)) return true;
    return false;
  }
}

/** Lints the loaded app. `options` are the lint options; each stack's region is added as `deploymentRegion`. */
export function lintCdkApp(app: LoadedCdkApp, analyzer: Analyzer, options: LintOptions = {}, locator = new SourceLocator(app.appDir)): CdkLintResult {
  const assembly = app.assembly;
  if (!assembly) return { reports: [], problems: [`${app.assemblyDir} has no manifest.json: synthesize the app first (cdk synth).`] };
  const files = app.appDir ? new AppFileCache(app.appDir, locator.files, () => locator.sourceFiles()) : undefined;
  const reports: CdkTemplateReport[] = [];
  const covered = new CoveredProperties();
  for (const stack of assembly.stacks) {
    const templateFile = path.join(app.assemblyDir, ...stack.templateFile.split('/'));
    const analyzed = assembly.templates.get(stack.templateFile);
    if (!analyzed) continue; // listed in assembly.problems already
    const region = stack.environment?.region;
    const result = analyzer.lintAnalyzed(analyzed, region ? { ...options, deploymentRegion: region } : options);
    const logicalToPath = new Map(stack.resources.map((resource) => [resource.logicalId, resource.constructPath]));
    const findings: Finding[] = [];
    for (const finding of result.findings) {
      const keyPath = keyPathAt(analyzed.document.root, finding.span.start);
      const inResource = resourcePropertyPath(keyPath);
      if (inResource) covered.add(stack.templateFile, inResource.logicalId, inResource.properties);
      if (finding.otherFile) {
        findings.push(finding);
        continue;
      }
      const constructPath = inResource ? logicalToPath.get(inResource.logicalId) : stack.constructPath;
      const placement = constructPath !== undefined ? locator.place(stack, constructPath, inResource?.properties ?? []) : undefined;
      if (!placement) {
        findings.push(finding);
        continue;
      }
      if (locator.isSuppressed(placement, finding.rule)) continue;
      const related: RelatedLocation = { file: templateFile, range: finding.range, span: finding.span, message: templateLabel(stack, inResource?.logicalId) };
      findings.push({ ...finding, message: finding.message + placementNote(placement), otherFile: { file: placement.file, range: placement.range }, related: [related, ...(finding.related ?? [])] });
    }
    if (!options.ignoreRules?.includes(OPENAPI_RULE) && options.severityOverrides?.[OPENAPI_RULE] !== 'off') findings.push(...openApiAssetFindings(app, analyzed, analyzer.catalog, files));
    findings.push(...violationFindings(assembly.violations, stack, analyzed, templateFile, locator, covered));
    reports.push({ templateFile, stack, findings });
  }
  return { reports, problems: assembly.problems };
}

/** validation-report.json violations of this stack's template, placed on sources; those our rules cover are left out. */
function violationFindings(violations: readonly CdkValidationViolation[], stack: CdkStack, analyzed: ReturnType<Analyzer['analyze']>, templateFile: string, locator: SourceLocator, covered: CoveredProperties): Finding[] {
  const out: Finding[] = [];
  for (const violation of violations) {
    if (violation.templateFile !== stack.templateFile || violation.logicalId === undefined) continue;
    const propertyPaths = violation.propertyPaths.length > 0 ? violation.propertyPaths : ['Properties'];
    for (const propertyPath of propertyPaths) {
      const properties = propertyPath.split('.').slice(1);
      // Ours already says it (same resource, same property): one finding, not two.
      if (covered.overlaps(stack.templateFile, violation.logicalId, properties)) continue;
      const resource = analyzed.template?.resources.get(violation.logicalId);
      const span = resource?.keyNode?.span ?? { start: 0, end: 0 };
      const range = analyzed.lineIndex.rangeOf(span);
      const message = `${violation.description} (${violation.pluginName} ${violation.ruleName}, from validation-report.json)`;
      const frames = violation.frames.map(parseFrame).filter((frame): frame is CreationFrame => frame !== undefined);
      const placement = (violation.constructPath !== undefined ? locator.place(stack, violation.constructPath, properties) : undefined) ?? locator.placeFrames(frames, properties);
      const base: Finding = { rule: CDK_VALIDATION_RULE, severity: severityOf(violation.severity), message, span, range };
      if (!placement) {
        out.push(base);
        continue;
      }
      if (locator.isSuppressed(placement, CDK_VALIDATION_RULE)) continue;
      out.push({
        ...base,
        message: message + placementNote(placement),
        otherFile: { file: placement.file, range: placement.range },
        related: [{ file: templateFile, range, span, message: templateLabel(stack, violation.logicalId) }],
      });
    }
  }
  return out;
}

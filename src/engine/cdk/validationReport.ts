/**
 * `validation-report.json`: violations found by policy validation plugins during synth (the
 * CloudFormation validator built into recent aws-cdk-lib, cdk-nag v3...), each with the construct
 * path, the template resource, property paths and stack traces.
 */
import type { CdkValidationViolation } from './assemblyModel';
import { asObject, own, ownString, parseJson } from './json';

const MAX_VIOLATIONS = 50_000;

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Parses the report text (undefined: no report). Never throws; problems are added in words. */
export function readValidationReport(text: string | undefined, problems: string[]): CdkValidationViolation[] {
  if (text === undefined) return [];
  const parsed = parseJson(text);
  const report = asObject(parsed.value);
  if (!report) {
    problems.push(`validation-report.json is not a validation report${parsed.error ? ` (${parsed.error})` : ''}.`);
    return [];
  }
  const out: CdkValidationViolation[] = [];
  const plugins = own(report, 'pluginReports');
  for (const pluginValue of Array.isArray(plugins) ? plugins : []) {
    const plugin = asObject(pluginValue);
    const pluginName = ownString(plugin, 'pluginName') ?? 'validation plugin';
    const violations = own(plugin, 'violations');
    for (const violationValue of Array.isArray(violations) ? violations : []) {
      const violation = asObject(violationValue);
      const constructs = own(violation, 'violatingConstructs');
      for (const constructValue of Array.isArray(constructs) ? constructs : []) {
        if (out.length >= MAX_VIOLATIONS) return out;
        const construct = asObject(constructValue);
        const resource = asObject(own(construct, 'cloudFormationResource'));
        const constructPath = ownString(construct, 'constructPath');
        const templateFile = ownString(resource, 'templatePath');
        const logicalId = ownString(resource, 'logicalId');
        out.push({
          pluginName,
          ruleName: ownString(violation, 'ruleName') ?? '',
          description: ownString(violation, 'description') ?? '',
          severity: ownString(violation, 'severity') ?? 'error',
          ...(constructPath !== undefined ? { constructPath: constructPath.replace(/^\//, '') } : {}),
          ...(templateFile !== undefined ? { templateFile: templateFile.replace(/\\/g, '/') } : {}),
          ...(logicalId !== undefined ? { logicalId } : {}),
          propertyPaths: strings(own(resource, 'propertyPaths')),
          frames: strings(own(construct, 'stackTraces')).flatMap((trace) => trace.split('\n')),
        });
      }
    }
  }
  return out;
}

import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RuleMeta } from '../engine/analyzer';
import type { Severity } from '../engine/findings';
import { toPrinted, type FileReport, type PrintedLocation } from './report';
import { PROJECT_URI, ruleDocUrl } from '../shared/links';


/** What the SARIF `tool.driver` says about us. */
export interface SarifToolInfo {
  readonly version: string;
  readonly rules: readonly RuleMeta[];
  /** Folder relative to which file URIs are written (the working directory). */
  readonly baseDir: string;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };



/**
 * Formats reports as one SARIF 2.1.0 log with a single run. File URIs are relative to
 * `%SRCROOT%` (the working directory) when the file is inside it, so uploads to code
 * scanning map onto the repository; files elsewhere get absolute `file:` URIs.
 */
export function formatSarif(reports: readonly FileReport[], tool: SarifToolInfo): string {
  const rules = [...tool.rules];
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results = reports.flatMap((report) =>
    report.findings.map((finding) => {
      const p = toPrinted(report.file, finding);
      const index = ruleIndex.get(p.rule);
      return {
        ruleId: p.rule,
        ...(index !== undefined ? { ruleIndex: index } : {}),
        level: LEVEL[p.severity],
        message: { text: p.message },
        locations: [{ physicalLocation: physicalLocation(report.file, p, tool.baseDir) }],
        // E.g. the template's Location value for a finding in the OpenAPI file it includes.
        ...(p.related
          ? { relatedLocations: p.related.map((location, id) => ({ id, physicalLocation: physicalLocation(location.file, location, tool.baseDir), message: { text: location.message } })) }
          : {}),
      };
    }),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ArchLens',
            version: tool.version,
            informationUri: PROJECT_URI,
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              helpUri: ruleDocUrl(rule.id),
              defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
            })),
          },
        },
        // Engine columns count UTF-16 code units (LSP style); say so rather than let viewers guess.
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(tool.baseDir + path.sep).href } },
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function physicalLocation(file: string, p: Omit<PrintedLocation, 'file' | 'message'>, baseDir: string): object {
  return {
    artifactLocation: artifactLocation(file, baseDir),
    region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
  };
}

function artifactLocation(file: string, baseDir: string): { uri: string; uriBaseId?: string } {
  const absolute = path.resolve(baseDir, file);
  const relative = path.relative(baseDir, absolute);
  if (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)) {
    return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(absolute).href };
}

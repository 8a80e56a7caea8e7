import * as path from 'node:path';
import { analyzeDocument } from '../engine/analyzedDocument';
import { mergeUsage, parseCostConfig, type CostConfig } from '../engine/cost/costConfig';
import { diffEstimates } from '../engine/cost/costDiff';
import type { CostEstimate } from '../engine/cost/costTypes';
import { estimateCost, type EstimateOptions } from '../engine/cost/estimate';
import { SHIPPED_PRICES } from '../engine/cost/priceTable';
import { EMPTY_USAGE, parseUsageFile, type UsageInput } from '../engine/cost/usage';
import { estimateWhatIfs } from '../engine/cost/whatIf';
import type { WhatIfRates } from '../engine/cost/whatIfTypes';
import { KNOWN_REGIONS } from '../engine/rules/regionRules';
import { fileAtRevision, GitRevisionError } from '../node/gitShow';
import { MAX_CONFIG_BYTES, MAX_DOCUMENT_BYTES, readTextFile } from '../node/readRegularFile';
import type { CostCommand } from './args';
import { formatCostJson, formatCostMarkdown, formatCostText, type CostedTemplate } from './costFormat';
import { ExitCode, type CliIo } from './cliIo';
import { ProjectConfigResolver } from './projectConfig';
import { InputError, collectFiles, errorText } from './walk';

/** What an estimate run uses: the region, the usage and the what-if rates, from flags over `.archlens.yml`. */
interface CostSettings {
  readonly region: string;
  readonly usage: UsageInput;
  readonly rates: WhatIfRates;
}

/**
 * `archlens cost PATH...`: the monthly estimate of each CloudFormation / SAM template found,
 * optionally compared with a git revision (`--compare-to`) and with what-ifs (`--what-if`).
 * Exit 0, or 2 when a path, the usage file or `.archlens.yml` cannot be read or is invalid, a
 * named file is not a template, the revision is unknown, or no template is found. Offline:
 * prices come from the shipped table.
 */
export function runCost(command: CostCommand, io: CliIo): number {
  const fail = (message: string): number => {
    io.stderr.write(`archlens: ${message}\n`);
    return ExitCode.UsageOrIo;
  };
  try {
    const candidates = collectFiles(command.paths);
    const settings = costSettings(command, new ProjectConfigResolver(undefined, io.cwd), candidates[0]?.path);
    if (!(KNOWN_REGIONS as readonly string[]).includes(settings.region)) {
      io.stderr.write(`archlens: warning: region '${settings.region}' is not a known AWS region\n`);
    }
    const options: EstimateOptions = { prices: SHIPPED_PRICES, region: settings.region, usage: settings.usage, preset: command.preset, parameters: command.parameters };
    const costed: CostedTemplate[] = [];
    let ioErrors = 0;
    for (const candidate of candidates) {
      let text: string;
      try {
        text = readTextFile(candidate.path, MAX_DOCUMENT_BYTES);
      } catch (error) {
        io.stderr.write(`archlens: cannot read '${candidate.path}': ${errorText(error)}\n`);
        ioErrors++;
        continue;
      }
      const analyzed = analyzeDocument(candidate.path, text);
      if ((analyzed.kind !== 'cloudformation' && analyzed.kind !== 'sam') || !analyzed.template) {
        if (candidate.explicit) {
          io.stderr.write(`archlens: '${candidate.path}' is not a CloudFormation or SAM template\n`);
          ioErrors++;
        }
        continue;
      }
      const estimate: CostEstimate = estimateCost(analyzed.template, options);
      costed.push({
        file: candidate.path,
        estimate,
        lineOf: (offset) => analyzed.lineIndex.positionAt(offset).line + 1,
        ...(command.whatIfs ? { whatIfs: estimateWhatIfs(analyzed.template, options, estimate, undefined, settings.rates) } : {}),
        ...(command.compareTo !== undefined ? { compare: { ref: command.compareTo, diff: diffEstimates(estimateAt(candidate.path, command.compareTo, options, estimate), estimate) } } : {}),
      });
    }
    if (costed.length === 0) return ioErrors > 0 ? ExitCode.UsageOrIo : fail('no CloudFormation or SAM template found');
    const formatOptions = { region: settings.region, priceDate: SHIPPED_PRICES.priceDate };
    switch (command.format) {
      case 'json':
        io.stdout.write(formatCostJson(costed, formatOptions));
        break;
      case 'markdown':
        io.stdout.write(formatCostMarkdown(costed, formatOptions));
        break;
      case 'text':
        io.stdout.write(formatCostText(costed, formatOptions));
        break;
    }
    return ioErrors > 0 ? ExitCode.UsageOrIo : ExitCode.Ok;
  } catch (error) {
    if (error instanceof InputError || error instanceof GitRevisionError) return fail(error.message);
    const detail = io.env['ARCHLENS_DEBUG'] && error instanceof Error ? `\n${error.stack ?? ''}` : '';
    return fail(`internal error: ${errorText(error)}${detail}`);
  }
}

/**
 * Region, usage and rates: flags win over the `cost` section of the `.archlens.yml` governing the
 * first file (one region per run); the section's inline usage is the base a usage file overrides.
 * @throws {InputError} for an unreadable or invalid usage file or cost section.
 */
function costSettings(command: CostCommand, configs: ProjectConfigResolver, firstFile: string | undefined): CostSettings {
  let config: CostConfig = parseCostConfig(undefined).config;
  let configDir = process.cwd();
  if (firstFile !== undefined) {
    const parsed = parseCostConfig(configs.sectionFor(firstFile, 'cost'));
    const configFile = configs.configFileFor(firstFile);
    if (parsed.problems.length > 0) throw new InputError(`invalid cost section in '${configFile ?? '.archlens.yml'}':\n${parsed.problems.map((problem) => `  ${problem}`).join('\n')}`);
    config = parsed.config;
    if (configFile) configDir = path.dirname(configFile);
  }
  const usageFile = command.usage ?? (config.usageFile === undefined ? undefined : path.resolve(configDir, config.usageFile));
  const fileUsage = usageFile === undefined ? EMPTY_USAGE : readUsageFile(usageFile);
  return { region: command.region ?? config.region ?? 'us-east-1', usage: mergeUsage(config.usage, fileUsage), rates: config.rates };
}

function readUsageFile(file: string): UsageInput {
  let text: string;
  try {
    text = readTextFile(file, MAX_CONFIG_BYTES);
  } catch (error) {
    throw new InputError(`cannot read the usage file '${file}': ${errorText(error)}`);
  }
  const parsed = parseUsageFile(text, file);
  if (parsed.problems.length > 0) {
    throw new InputError(`invalid usage file '${file}':\n${parsed.problems.map((problem) => `  ${problem}`).join('\n')}\nFix these lines (see docs/cost.md for the format).`);
  }
  return parsed.usage;
}

/** The estimate of the file at a git revision; an empty one when the file did not exist there (or was no template). */
function estimateAt(file: string, revision: string, options: EstimateOptions, now: CostEstimate): CostEstimate {
  const text = fileAtRevision(file, revision);
  const analyzed = text === undefined ? undefined : analyzeDocument(file, text);
  if (analyzed?.template && (analyzed.kind === 'cloudformation' || analyzed.kind === 'sam')) return estimateCost(analyzed.template, options);
  return { ...now, monthly: { fixed: 0, usage: 0, total: 0 }, leftOut: 0, resources: [], notCreated: [] };
}

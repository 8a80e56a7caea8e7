/**
 * What an estimate in the editor reads besides the template: the `cost` section of the nearest
 * `.archlens.yml` and the usage file (its `usageFile`, else `archlens-usage.yml` beside the
 * template). Never throws: unreadable or invalid files become problems, and the rest is used.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAMES, parseProjectConfig } from '../engine/config';
import { EMPTY_COST_CONFIG, mergeUsage, parseCostConfig, type CostConfig } from '../engine/cost/costConfig';
import { EMPTY_USAGE, parseUsageFile, type UsageInput } from '../engine/cost/usage';
import type { WhatIfRates } from '../engine/cost/whatIfTypes';
import { MAX_CONFIG_BYTES, readTextFile } from './readRegularFile';

/** The default name of a usage file, beside the template. */
export const USAGE_FILE_NAME = 'archlens-usage.yml';

export interface CostInputs {
  readonly region: string;
  /** Usage to estimate with: the config's inline usage, overridden by the usage file's. */
  readonly usage: UsageInput;
  /** The usage file's own figures (what an edit starts from). */
  readonly fileUsage: UsageInput;
  /** Where edits are written (it may not exist yet). */
  readonly usageFile: string;
  readonly rates: WhatIfRates;
  readonly problems: readonly string[];
}

/** The nearest config file above `dir`, if any. */
function findConfig(dir: string): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    const found = CONFIG_FILE_NAMES.map((name) => path.join(current, name)).find((file) => fs.existsSync(file));
    if (found) return found;
    if (path.dirname(current) === current) return undefined;
  }
}

/** Inputs for a template on disk (an untitled document: its folder is the workspace's or none). */
export function costInputsFor(templatePath: string, defaultRegion = 'us-east-1'): CostInputs {
  const problems: string[] = [];
  const templateDir = path.dirname(path.resolve(templatePath));
  let config: CostConfig = EMPTY_COST_CONFIG;
  const configFile = findConfig(templateDir);
  if (configFile) {
    try {
      const project = parseProjectConfig(readTextFile(configFile, MAX_CONFIG_BYTES));
      const parsed = parseCostConfig(project.sections.get('cost'));
      problems.push(...parsed.problems.map((problem) => `${configFile}: ${problem}`));
      config = parsed.config;
    } catch (error) {
      problems.push(`${configFile}: cannot read (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  const usageFile = config.usageFile !== undefined && configFile ? path.resolve(path.dirname(configFile), config.usageFile) : path.join(templateDir, USAGE_FILE_NAME);
  let fileUsage = EMPTY_USAGE;
  if (fs.existsSync(usageFile)) {
    try {
      const parsed = parseUsageFile(readTextFile(usageFile, MAX_CONFIG_BYTES), usageFile);
      problems.push(...parsed.problems.map((problem) => `${usageFile}: ${problem}`));
      fileUsage = parsed.usage;
    } catch (error) {
      problems.push(`${usageFile}: cannot read (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  return { region: config.region ?? defaultRegion, usage: mergeUsage(config.usage, fileUsage), fileUsage, usageFile, rates: config.rates, problems };
}

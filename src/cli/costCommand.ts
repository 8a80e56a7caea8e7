import * as fs from 'node:fs';
import { analyzeDocument } from '../engine/analyzedDocument';
import type { CostEstimate } from '../engine/cost/costTypes';
import { estimateCost } from '../engine/cost/estimate';
import { SHIPPED_PRICES } from '../engine/cost/priceTable';
import { EMPTY_USAGE, parseUsageFile, type UsageInput } from '../engine/cost/usage';
import { KNOWN_REGIONS } from '../engine/rules/regionRules';
import type { CostCommand } from './args';
import { formatCostJson, formatCostMarkdown, formatCostText, type CostedTemplate } from './costFormat';
import { ExitCode, type CliIo } from './cliIo';
import { InputError, collectFiles, errorText } from './walk';

/**
 * `archlens cost PATH...`: the monthly estimate of each CloudFormation / SAM template found.
 * Exit 0, or 2 when a path or the usage file cannot be read or is invalid, a named file is not
 * a template, or no template is found. Offline: prices come from the shipped table.
 */
export function runCost(command: CostCommand, io: CliIo): number {
  const fail = (message: string): number => {
    io.stderr.write(`archlens: ${message}\n`);
    return ExitCode.UsageOrIo;
  };
  let usage: UsageInput = EMPTY_USAGE;
  if (command.usage !== undefined) {
    let text: string;
    try {
      text = fs.readFileSync(command.usage, 'utf8');
    } catch (error) {
      return fail(`cannot read the usage file '${command.usage}': ${errorText(error)}`);
    }
    const parsed = parseUsageFile(text, command.usage);
    if (parsed.problems.length > 0) {
      return fail(`invalid usage file '${command.usage}':\n${parsed.problems.map((problem) => `  ${problem}`).join('\n')}\nFix these lines (see docs/cost.md for the format).`);
    }
    usage = parsed.usage;
  }
  if (!(KNOWN_REGIONS as readonly string[]).includes(command.region)) {
    io.stderr.write(`archlens: warning: --region '${command.region}' is not a known AWS region\n`);
  }
  try {
    const costed: CostedTemplate[] = [];
    let ioErrors = 0;
    for (const candidate of collectFiles(command.paths)) {
      let text: string;
      try {
        text = fs.readFileSync(candidate.path, 'utf8');
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
      const estimate: CostEstimate = estimateCost(analyzed.template, {
        prices: SHIPPED_PRICES,
        region: command.region,
        usage,
        preset: command.preset,
        parameters: command.parameters,
      });
      costed.push({ file: candidate.path, estimate, lineOf: (offset) => analyzed.lineIndex.positionAt(offset).line + 1 });
    }
    if (costed.length === 0) return ioErrors > 0 ? ExitCode.UsageOrIo : fail('no CloudFormation or SAM template found');
    const options = { region: command.region, priceDate: SHIPPED_PRICES.priceDate };
    switch (command.format) {
      case 'json':
        io.stdout.write(formatCostJson(costed, options));
        break;
      case 'markdown':
        io.stdout.write(formatCostMarkdown(costed, options));
        break;
      case 'text':
        io.stdout.write(formatCostText(costed, options));
        break;
    }
    return ioErrors > 0 ? ExitCode.UsageOrIo : ExitCode.Ok;
  } catch (error) {
    if (error instanceof InputError) return fail(error.message);
    const detail = io.env['ARCHLENS_DEBUG'] && error instanceof Error ? `\n${error.stack ?? ''}` : '';
    return fail(`internal error: ${errorText(error)}${detail}`);
  }
}

import { scanOptions } from './optionScanner';
import { UsageError } from './usageError';

/** Output formats of `archlens cost`. */
export type CostFormat = 'text' | 'json' | 'markdown';

/** `archlens cost` (parsed here). */
export interface CostCommand {
  readonly command: 'cost';
  readonly format: CostFormat;
  /** Explicit `--region`; else the `.archlens.yml` `cost.region`, else us-east-1. */
  readonly region: string | undefined;
  readonly usage: string | undefined;
  readonly preset: 'small' | 'medium' | 'large' | undefined;
  /** `--parameter NAME=VALUE` values for template parameters. */
  readonly parameters: ReadonlyMap<string, string>;
  readonly paths: readonly string[];
  /** `--compare-to REF`: also estimate each file at that git revision and show the difference. */
  readonly compareTo: string | undefined;
  /** `--what-if`: show what Graviton, Spot, a Savings Plan, gp3 and the other DynamoDB mode would cost. */
  readonly whatIfs: boolean;
}

const COST_FORMATS: readonly CostFormat[] = ['text', 'json', 'markdown'];
const PRESETS = ['small', 'medium', 'large'] as const;

/** `archlens cost [--format F] [--region R] [--usage FILE] [--preset P] [--parameter K=V]... [--compare-to REF] [--what-if] PATH...`. */
export function parseCostArgs(rest: readonly string[]): CostCommand {
  let format: CostFormat = 'text';
  let region: string | undefined;
  let compareTo: string | undefined;
  let whatIfs = false;
  let usage: string | undefined;
  let preset: CostCommand['preset'];
  const parameters = new Map<string, string>();
  const paths = scanOptions(rest, ({ flag, value: takeValue, hasInlineValue }) => {
    if (flag === '--what-if' && hasInlineValue) throw new UsageError('--what-if takes no value (it shows every what-if that changes the estimate)');
    switch (flag) {
      case '-f':
      case '--format': {
        const value = takeValue();
        if (!(COST_FORMATS as readonly string[]).includes(value)) throw new UsageError(`unknown cost format '${value}' (expected ${COST_FORMATS.join(', ')})`);
        format = value as CostFormat;
        break;
      }
      case '-r':
      case '--region':
        region = takeValue();
        break;
      case '-u':
      case '--usage':
        usage = takeValue();
        break;
      case '--preset': {
        const value = takeValue();
        if (!(PRESETS as readonly string[]).includes(value)) throw new UsageError(`unknown preset '${value}' (expected ${PRESETS.join(', ')})`);
        preset = value as CostCommand['preset'];
        break;
      }
      case '-p':
      case '--parameter': {
        const value = takeValue();
        const split = value.indexOf('=');
        if (split <= 0) throw new UsageError(`--parameter expects NAME=VALUE, got '${value}'`);
        parameters.set(value.slice(0, split), value.slice(split + 1));
        break;
      }
      case '--compare-to':
        compareTo = takeValue();
        break;
      case '--what-if':
        whatIfs = true;
        break;
      default:
        throw new UsageError(`unknown option '${flag}' for cost (try \`archlens --help\`)`);
    }
  });
  if (paths.length === 0) throw new UsageError('missing PATH: name a template file or folder to estimate');
  return { command: 'cost', format, region, usage, preset, parameters, paths, compareTo, whatIfs };
}

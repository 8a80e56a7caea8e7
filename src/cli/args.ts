import { parseCostArgs, type CostCommand } from './costArgs';
import { scanOptions } from './optionScanner';
import { UsageError } from './usageError';

export { UsageError } from './usageError';
export type { CostCommand, CostFormat } from './costArgs';

/** Output formats of `archlens lint`. */
export type OutputFormat = 'text' | 'json' | 'sarif';

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];

/** Output formats of `archlens diagram`. */
export type DiagramFormat = 'json' | 'mermaid' | 'svg';

const DIAGRAM_FORMATS: readonly DiagramFormat[] = ['json', 'mermaid', 'svg'];

/** A parsed command line. */
export type Command =
  | { readonly command: 'help' }
  | { readonly command: 'version' }
  | {
      readonly command: 'lint';
      readonly format: OutputFormat;
      readonly regions: readonly string[];
      readonly ignore: readonly string[];
      readonly config: string | undefined;
      readonly paths: readonly string[];
      /** Worker threads for a folder (`--jobs`); undefined: one per core when there are many files. */
      readonly jobs?: number;
    }
  | {
      readonly command: 'diagram';
      readonly format: DiagramFormat;
      /** Everything: auxiliary nodes (IAM, permissions, log groups...) and every group expanded. */
      readonly all: boolean;
      /** Ids of groups collapsed by default to expand (`--expand ID`, repeatable). */
      readonly expand: readonly string[];
      /** `--region NAME`: the Region box is named after it (otherwise it reads "Region"). */
      readonly region?: string;
      /** `--security-groups`: security groups drawn as dashed boundaries. */
      readonly securityGroups: boolean;
      readonly file: string;
    }
  | CostCommand;


/** Text of `archlens --help`. */
export const HELP_TEXT = `Usage: archlens <command> [options]

Commands:
  lint [options] PATH...   Lint CloudFormation / SAM templates and OpenAPI 2.0-3.2
                           descriptions with API Gateway extensions (files or folders)
  diagram [options] FILE   Print the architecture graph of a CloudFormation / SAM template
  cost [options] PATH...   Estimate the monthly cost of CloudFormation / SAM templates
  origin plan|apply|restore|check   CodeArtifact origin controls (archlens origin --help)

Options for lint:
  -f, --format FORMAT      text (default), json or sarif
  -r, --region REGION      check resource availability in REGION (repeatable)
  -i, --ignore RULE        drop findings of RULE (repeatable)
  -c, --config FILE        use FILE instead of the nearest .archlens.yml
  -j, --jobs N             threads for a folder (default: one per core when it has many files)

Options for diagram:
  -f, --format FORMAT      json (default), mermaid or svg
  -a, --all                everything: auxiliary resources (IAM, permissions, log groups...)
                           and every group expanded (big templates are collapsed by default)
  -e, --expand GROUP       expand one collapsed group, e.g. 'repeated:OrdersFunction' (repeatable)
  --region REGION          name the Region box (default: "Region", the stack's deploy region)
  --security-groups        draw security groups as dashed boundaries around what they protect

Options for cost:
  -f, --format FORMAT      text (default), json or markdown
  -r, --region REGION      price in REGION (default: .archlens.yml cost.region, else us-east-1)
  -u, --usage FILE         usage figures (archlens-usage.yml: per logical id, per type, preset)
  --preset NAME            fill unknown usage from a preset: small, medium or large
  -p, --parameter K=V      value of template parameter K (repeatable; else its Default)
  --compare-to REF         also price each file at git revision REF and show the difference
  --what-if                show Graviton, Spot, Savings Plan, gp3 and DynamoDB-mode what-ifs

Global options:
  -h, --help               show this help
  -v, --version            print the version and the resource catalogue version

Folders are searched for .yaml, .yml, .json and .template files (skipping node_modules,
.git, cdk.out, dist and hidden folders); files that are not templates are skipped.

Exit codes: 0 no errors, 1 error findings, 2 usage or I/O error. diagram exits 0, or 2 when
FILE cannot be read, is not a CloudFormation / SAM template or does not parse. cost exits 0,
or 2 when a path or the usage file cannot be read or is invalid, or no template is found.
`;

/**
 * Parses argv (without `node` and the script). Accepts `--flag value` and `--flag=value`;
 * `--` ends options so a path may start with a dash.
 * @throws {UsageError} on an unknown command, flag or format, or a missing value or path.
 */
export function parseArgs(argv: readonly string[]): Command {
  if (argv.length === 0) throw new UsageError('missing command (try `archlens --help`)');
  if (argv.includes('-h') || argv.includes('--help') || argv[0] === 'help') return { command: 'help' };
  if (argv[0] === '-v' || argv[0] === '--version' || argv[0] === 'version') {
    if (argv.length > 1) throw new UsageError(`unexpected argument '${argv[1]}' after ${argv[0]}`);
    return { command: 'version' };
  }
  const [command, ...rest] = argv;
  if (command === 'diagram') return parseDiagramArgs(rest);
  if (command === 'cost') return parseCostArgs(rest);
  if (command !== 'lint') {
    throw new UsageError(command!.startsWith('-') ? `unknown option '${command}'` : `unknown command '${command}' (try \`archlens --help\`)`);
  }

  let format: OutputFormat = 'text';
  let config: string | undefined;
  let jobs: number | undefined;
  const regions: string[] = [];
  const ignore: string[] = [];
  const paths = scanOptions(rest, ({ flag, value: takeValue }) => {
    switch (flag) {
      case '-f':
      case '--format': {
        const value = takeValue();
        if (!(FORMATS as readonly string[]).includes(value)) {
          throw new UsageError(`unknown format '${value}' (expected ${FORMATS.join(', ')})`);
        }
        format = value as OutputFormat;
        break;
      }
      case '-r':
      case '--region':
        // `--region us-east-1,eu-west-1` is a natural thing to type; accept it too.
        regions.push(...splitList(takeValue()));
        break;
      case '-i':
      case '--ignore':
        ignore.push(...splitList(takeValue()));
        break;
      case '-c':
      case '--config':
        config = takeValue();
        break;
      case '-j':
      case '--jobs': {
        const value = takeValue();
        jobs = Number(value);
        if (!/^\d+$/.test(value) || jobs < 1 || jobs > 64) throw new UsageError(`--jobs takes a number of threads from 1 to 64, not '${value}'`);
        break;
      }
      default:
        throw new UsageError(`unknown option '${flag}' (try \`archlens --help\`)`);
    }
  });
  if (paths.length === 0) throw new UsageError('missing PATH: name at least one template file or folder');
  return { command: 'lint', format, regions, ignore, config, paths, ...(jobs !== undefined ? { jobs } : {}) };
}

/** `archlens diagram [--format json|mermaid|svg] [--all] [--expand GROUP]... [--region NAME] [--security-groups] FILE`. */
function parseDiagramArgs(rest: readonly string[]): Command {
  let format: DiagramFormat = 'json';
  let all = false;
  let securityGroups = false;
  let region: string | undefined;
  const expand: string[] = [];
  const files = scanOptions(rest, ({ flag, hasInlineValue, value: takeValue }) => {
    switch (flag) {
      case '-e':
      case '--expand':
        expand.push(takeValue());
        break;
      case '-f':
      case '--format': {
        const value = takeValue();
        if (!(DIAGRAM_FORMATS as readonly string[]).includes(value)) {
          throw new UsageError(`unknown diagram format '${value}' (expected ${DIAGRAM_FORMATS.join(', ')})`);
        }
        format = value as DiagramFormat;
        break;
      }
      case '-a':
      case '--all':
        if (hasInlineValue) throw new UsageError(`option '--all' takes no value`);
        all = true;
        break;
      case '--region':
        region = takeValue();
        if (!/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(region)) throw new UsageError(`'${region.slice(0, 40)}' is not a region name (e.g. eu-west-1)`);
        break;
      case '--security-groups':
        if (hasInlineValue) throw new UsageError(`option '--security-groups' takes no value`);
        securityGroups = true;
        break;
      default:
        throw new UsageError(`unknown option '${flag}' for diagram (try \`archlens --help\`)`);
    }
  });
  if (files.length === 0) throw new UsageError('missing FILE: name the template to draw');
  if (files.length > 1) throw new UsageError(`diagram takes one FILE, got ${files.length}`);
  return { command: 'diagram', format, all, expand, ...(region !== undefined ? { region } : {}), securityGroups, file: files[0]! };
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

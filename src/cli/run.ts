import { version as packageVersion } from '../../package.json';
import { createAnalyzer, type Analyzer } from '../engine/analyzer';
import type { Finding, LintOptions } from '../engine/findings';
import { KNOWN_REGIONS } from '../engine/rules/regionRules';
import type { Catalog } from '../engine/catalog/catalogTypes';
import { ExitCode, type CliIo } from './cliIo';
import { HELP_TEXT, UsageError, parseArgs, type Command } from './args';
import { runCost } from './costCommand';
import { runDiagram } from './diagramCommand';
import { defaultCatalogDir, loadCatalogFromDir } from '../node/catalogLoader';
import { formatJson } from './formatJson';
import { formatSarif } from './formatSarif';
import { formatText, shouldUseColor } from './formatText';
import { ProjectConfigResolver, mergeOptions } from './projectConfig';
import { placeFindings, type FileReport } from './report';
import { examineFile, sameOptions, type FileOutcome } from './lintFile';
import { InputError, collectFiles, errorText, type CandidateFile } from './walk';
import { MAX_DOCUMENT_BYTES, readTextFile } from '../node/readRegularFile';
import { lintCdkPaths } from './cdkLint';


type LintCommand = Extract<Command, { command: 'lint' }>;

/** Runs the CLI for `argv` (without `node` and the script) and returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo): number {
  const started = startCli(argv, io);
  return typeof started === 'number' ? started : guarded(io, () => finishLint(started, io));
}

/**
 * `runCli` for the real process: a folder lint with many files is examined on worker threads
 * (`examine`, src/cli/lintPool.ts), then reported here exactly as `runCli` reports it.
 */
export async function runCliWithWorkers(argv: readonly string[], io: CliIo, examine: (plan: LintPlan) => Promise<readonly FileOutcome[] | undefined>): Promise<number> {
  const started = startCli(argv, io);
  if (typeof started === 'number') return started;
  let outcomes: readonly FileOutcome[] | undefined;
  try {
    outcomes = await examine(started);
  } catch (error) {
    // Workers are a speed-up only: should they fail to start, one thread does the work.
    if (io.env['ARCHLENS_DEBUG']) io.stderr.write(`archlens: debug: workers unavailable (${errorText(error)})\n`);
  }
  return guarded(io, () => finishLint(started, io, outcomes));
}

/** Everything before the files are read: an exit code, or a lint run's plan. */
function startCli(argv: readonly string[], io: CliIo): number | LintPlan {
  const fail = (message: string): number => {
    io.stderr.write(`archlens: ${message}\n`);
    return ExitCode.UsageOrIo;
  };
  let command: Command;
  try {
    command = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message);
    throw error;
  }
  if (command.command === 'help') {
    io.stdout.write(HELP_TEXT);
    return ExitCode.Ok;
  }
  // Drawing needs no resource catalogue: skip loading it.
  if (command.command === 'diagram') return runDiagram(command, io);
  // Costing is offline and needs no resource catalogue either.
  if (command.command === 'cost') return runCost(command, io);

  let analyzer: Analyzer;
  let catalog: Catalog;
  try {
    catalog = (io.loadCatalog ?? (() => loadCatalogFromDir(defaultCatalogDir())))();
    if (command.command === 'version') {
      io.stdout.write(`archlens ${packageVersion} (${catalog.version})\n`);
      return ExitCode.Ok;
    }
    analyzer = createAnalyzer({ catalog, readFile: readFileOrUndefined });
  } catch (error) {
    return fail(`cannot load the resource catalogue: ${errorText(error)} (run \`npm run build\`?)`);
  }
  const lintCommand = command;
  return guarded(io, () => prepareLint(lintCommand, analyzer, catalog, io));
}

/** Runs a lint step: a bad input is exit code 2 with its message; an engine failure is said plainly. */
function guarded<T>(io: CliIo, step: () => T): T | number {
  try {
    return step();
  } catch (error) {
    const message = error instanceof InputError ? error.message : `internal error: ${errorText(error)}${io.env['ARCHLENS_DEBUG'] && error instanceof Error ? `\n${error.stack ?? ''}` : ''}`;
    // The engine promises never to throw; if it does, say so plainly rather than crash with a trace.
    io.stderr.write(`archlens: ${message}\n`);
    return ExitCode.UsageOrIo;
  }
}

/** A lint run's files, walked and ready (`prepareLint`), before any is read. */
export interface LintPlan {
  readonly command: LintCommand;
  readonly analyzer: Analyzer;
  readonly files: readonly CandidateFile[];
  /** Folders that could not be read during the walk (already reported). */
  readonly walkErrors: number;
  /** The run's project configuration (one resolver, so each file's notes show once). */
  readonly configs: ProjectConfigResolver;
  /** The CDK apps' stacks, already linted and placed on their sources (src/cli/cdkLint.ts). */
  readonly cdkReports: readonly FileReport[];
}

/** Warns about unknown flags and walks the paths. @throws {InputError} for a path that cannot be read. */
function prepareLint(command: LintCommand, analyzer: Analyzer, catalog: Catalog, io: CliIo): LintPlan {
  warnUnknown(command, analyzer, catalog, io);
  let walkErrors = 0;
  // One resolver for the run: CDK apps read their options here, the other files in finishLint.
  const configs = new ProjectConfigResolver(command.config, io.cwd, (message, level) => io.stderr.write(`archlens: ${level}: ${message}\n`));
  // CDK apps and assemblies: their stacks are linted from the cloud assembly, findings placed on sources.
  const cdk = lintCdkPaths(command.paths, analyzer, (file) => mergeOptions(configs.optionsFor(file), command), (message) => io.stderr.write(`archlens: note: ${message}\n`), io.cwd);
  const files = collectFiles(cdk.remainingPaths, (message) => {
    io.stderr.write(`archlens: ${message}\n`);
    walkErrors++;
  });
  return { command, analyzer, files, walkErrors, configs, cdkReports: cdk.reports };
}

/**
 * Reports every file in order and prints the report. `outcomes` are the files already examined
 * by workers (src/cli/lintPool.ts), index for index; without them each file is examined here.
 * Either way the messages, their order and the report are the same.
 */
function finishLint(plan: LintPlan, io: CliIo, outcomes?: readonly FileOutcome[]): number {
  const { command, analyzer, files } = plan;
  let ioErrors = plan.walkErrors;
  const { configs } = plan;
  const reports: FileReport[] = [...plan.cdkReports];
  for (const [index, candidate] of files.entries()) {
    const outcome = outcomes?.[index] ?? examineFile(analyzer, candidate.path, undefined, true);
    switch (outcome.kind) {
      case 'skipped':
        // Not a lint failure (it may be any file named *.json), but never a silent skip.
        io.stderr.write(`archlens: skipping '${candidate.path}': ${outcome.reason}\n`);
        continue;
      case 'unreadable':
        io.stderr.write(`archlens: cannot read '${candidate.path}': ${outcome.reason}\n`);
        ioErrors++;
        continue;
      case 'crashed':
        io.stderr.write(`archlens: internal error on '${candidate.path}': ${outcome.reason} (other files are still linted; please report this)\n`);
        ioErrors++;
        continue;
      case 'other':
        if (candidate.explicit && command.format === 'text') {
          io.stderr.write(`archlens: skipping '${candidate.path}': not a CloudFormation, SAM or OpenAPI document\n`);
        }
        continue;
      case 'document':
        break;
    }
    // Options come from here, in file order, even when a worker linted the file: config notes
    // and config errors then show exactly where a one-thread run shows them.
    const options = mergeOptions(configs.optionsFor(candidate.path), command);
    reports.push({ file: candidate.path, findings: findingsFor(analyzer, candidate.path, outcome, options) });
  }
  const placed = placeFindings(reports, io.cwd);
  const filesShown = placed.length;

  switch (command.format) {
    case 'json':
      io.stdout.write(formatJson(placed));
      break;
    case 'sarif':
      io.stdout.write(formatSarif(placed, { version: packageVersion, rules: analyzer.rules, baseDir: io.cwd }));
      break;
    case 'text':
      // A file that only gets another file's findings counts in "N of M files" too.
      io.stdout.write(formatText(placed, { color: shouldUseColor(io.stdout, io.env), filesLinted: filesShown }));
      break;
  }
  if (ioErrors > 0) return ExitCode.UsageOrIo;
  return placed.some((report) => report.findings.some((finding) => finding.severity === 'error'))
    ? ExitCode.ErrorFindings
    : ExitCode.Ok;
}

/**
 * File access for multi-file OpenAPI `$ref`s: paths are the linted path joined with the
 * reference, so relative ones resolve against the working directory like the linted path.
 */
export function readFileOrUndefined(filePath: string): string | undefined {
  try {
    return readTextFile(filePath, MAX_DOCUMENT_BYTES);
  } catch {
    return undefined;
  }
}

/** The findings of a document: the ones already linted with these options, else linted now. */
function findingsFor(analyzer: Analyzer, file: string, outcome: Extract<FileOutcome, { kind: 'document' }>, options: LintOptions): readonly Finding[] {
  if (outcome.findings && outcome.lintedWith && sameOptions(outcome.lintedWith, options)) return outcome.findings;
  if (outcome.analyzed) return analyzer.lintAnalyzed(outcome.analyzed, options).findings;
  // A worker could not know the options (their config is broken, which the line before reports).
  const again = examineFile(analyzer, file, options, false);
  return again.kind === 'document' ? (again.findings ?? []) : [];
}

/** Typos in `--ignore` or `--region` would silently do nothing; warn (stderr keeps json/sarif clean). */
function warnUnknown(command: LintCommand, analyzer: Analyzer, catalog: Catalog, io: CliIo): void {
  const ruleIds = new Set(analyzer.rules.map((rule) => rule.id));
  for (const id of command.ignore) {
    if (!ruleIds.has(id)) io.stderr.write(`archlens: warning: --ignore '${id}' is not a known rule\n`);
  }
  void catalog;
  const regions = new Set(KNOWN_REGIONS);
  for (const region of command.regions) {
    if (!regions.has(region)) io.stderr.write(`archlens: warning: --region '${region}' is not a known AWS region\n`);
  }
}

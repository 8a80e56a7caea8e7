import { version as packageVersion } from '../../package.json';
import { createAnalyzer, type Analyzer } from '../engine/analyzer';
import type { AnalyzedDocument } from '../engine/analyzedDocument';
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
import { lintCdkPaths } from './cdkLint';
import { InputError, collectFiles, errorText } from './walk';
import { EncodingError, MAX_DOCUMENT_BYTES, readTextFile } from '../node/readRegularFile';


type LintCommand = Extract<Command, { command: 'lint' }>;

/** Runs the CLI for `argv` (without `node` and the script) and returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo): number {
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

  try {
    return lint(command, analyzer, catalog, io);
  } catch (error) {
    if (error instanceof InputError) return fail(error.message);
    // The engine promises never to throw; if it does, say so plainly rather than crash with a trace.
    const detail = io.env['ARCHLENS_DEBUG'] && error instanceof Error ? `\n${error.stack ?? ''}` : '';
    return fail(`internal error: ${errorText(error)}${detail}`);
  }
}

function lint(command: LintCommand, analyzer: Analyzer, catalog: Catalog, io: CliIo): number {
  warnUnknown(command, analyzer, catalog, io);
  let ioErrors = 0;
  const configs = new ProjectConfigResolver(command.config, io.cwd, (message) => io.stderr.write(`archlens: note: ${message}\n`));
  // CDK apps and assemblies: their stacks are linted from the cloud assembly, findings placed on sources.
  const cdk = lintCdkPaths(command.paths, analyzer, (file) => mergeOptions(configs.optionsFor(file), command), (message) => io.stderr.write(`archlens: note: ${message}\n`), io.cwd);
  const files = collectFiles(cdk.remainingPaths, (message) => {
    io.stderr.write(`archlens: ${message}\n`);
    ioErrors++;
  });
  const reports: FileReport[] = [...cdk.reports];
  for (const candidate of files) {
    let text: string;
    try {
      // Raw text, BOM included: the engine strips it itself so offsets stay true to the file.
      // A regular file under the size limit, read with a bounded read: `x.yaml -> /dev/zero` or
      // a FIFO is an error on that file, not a hang or an out-of-memory abort.
      text = readTextFile(candidate.path, MAX_DOCUMENT_BYTES);
    } catch (error) {
      if (error instanceof EncodingError) {
        // Not a lint failure (it may be any file named *.json), but never a silent skip.
        io.stderr.write(`archlens: skipping '${candidate.path}': ${error.message}\n`);
        continue;
      }
      io.stderr.write(`archlens: cannot read '${candidate.path}': ${errorText(error)}\n`);
      ioErrors++;
      continue;
    }
    // Parse once: detection and lint share the analysis (a 4 MB OpenAPI spec takes ~0.1 s to parse).
    let analyzed: AnalyzedDocument;
    try {
      analyzed = analyzer.analyze(candidate.path, text);
    } catch (error) {
      // The engine reports its limits as findings; should it still throw, the other files are linted.
      io.stderr.write(`archlens: internal error on '${candidate.path}': ${errorText(error)} (other files are still linted; please report this)\n`);
      ioErrors++;
      continue;
    }
    if (analyzed.kind === 'other') {
      if (candidate.explicit && command.format === 'text') {
        io.stderr.write(`archlens: skipping '${candidate.path}': not a CloudFormation, SAM or OpenAPI document\n`);
      }
      continue;
    }
    const options = mergeOptions(configs.optionsFor(candidate.path), command);
    const result = analyzer.lintAnalyzed(analyzed, options);
    reports.push({ file: candidate.path, findings: result.findings });
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
function readFileOrUndefined(filePath: string): string | undefined {
  try {
    return readTextFile(filePath, MAX_DOCUMENT_BYTES);
  } catch {
    return undefined;
  }
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

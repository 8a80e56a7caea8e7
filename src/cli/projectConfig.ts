import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAMES, parseProjectConfig } from '../engine/config';
import type { LintOptions } from '../engine/findings';
import { InputError, errorText } from './walk';
import { MAX_CONFIG_BYTES, readTextFile } from '../node/readRegularFile';


/** Options from the command line that are merged over the project configuration. */
export interface FlagOptions {
  readonly regions: readonly string[];
  readonly ignore: readonly string[];
}

/**
 * Finds and parses `.archlens.yml` for linted files. The nearest file walking up from a
 * file's folder wins (no merging across levels, like `.prettierrc`), unless `--config`
 * names one file for everything. Results are cached per folder: a folder walk asks for
 * every file and the answer is the same for all files of one folder.
 */
export class ProjectConfigResolver {
  private readonly byDir = new Map<string, LoadedConfig>();
  private readonly byFile = new Map<string, LoadedConfig>();

  /**
   * @param explicitConfig the `--config` file, if any
   * @param cwd folder that messages show config paths relative to
   * @param note called once per config file with advice that is not an error: a `note`
   *   (deprecated keys) or a `warning` (a rule id no rule has)
   */
  constructor(
    private readonly explicitConfig: string | undefined,
    private readonly cwd: string,
    private readonly note: (message: string, level: 'note' | 'warning') => void = () => undefined,
  ) {}

  /**
   * Options for one linted file, before command-line flags are applied.
   * @throws {InputError} when the config file cannot be read or is malformed (exit code 2).
   */
  optionsFor(file: string): LintOptions {
    return this.configFor(file).options;
  }

  /** Another feature's section (`cost`, `cdk`...) of the config governing `file`, unvalidated. */
  sectionFor(file: string, section: string): unknown {
    return this.configFor(file).sections.get(section);
  }

  /** The config file governing `file` (to resolve paths written in it), if any. */
  configFileFor(file: string): string | undefined {
    return this.configFor(file).file;
  }

  private configFor(file: string): LoadedConfig {
    if (this.explicitConfig !== undefined) return this.load(this.explicitConfig);
    return this.forDir(path.dirname(path.resolve(file)));
  }

  private forDir(dir: string): LoadedConfig {
    const cached = this.byDir.get(dir);
    if (cached) return cached;
    let config: LoadedConfig = NO_CONFIG;
    const found = CONFIG_FILE_NAMES.map((name) => path.join(dir, name)).find(isFile);
    if (found) {
      config = this.load(found);
    } else {
      const parent = path.dirname(dir);
      if (parent !== dir) config = this.forDir(parent);
    }
    this.byDir.set(dir, config);
    return config;
  }

  private load(file: string): LoadedConfig {
    const key = path.resolve(file);
    const cached = this.byFile.get(key);
    if (cached) return cached;
    let text: string;
    try {
      text = readTextFile(file, MAX_CONFIG_BYTES);
    } catch (error) {
      throw new InputError(`cannot read config '${file}': ${errorText(error)}`);
    }
    const { options, sections, problems, notes, warnings } = parseProjectConfig(text);
    const shown = path.relative(this.cwd, key) || key;
    if (problems.length > 0) {
      // A half-applied config would silently lint with settings the user did not ask for.
      throw new InputError(`invalid config '${shown}':\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
    }
    for (const message of warnings) this.note(`${shown}: ${message}`, 'warning');
    for (const message of notes) this.note(`${shown}: ${message}`, 'note');
    const config = { options, sections, file: key };
    this.byFile.set(key, config);
    return config;
  }
}

/** A parsed config file: the lint options and the other features' sections. */
interface LoadedConfig {
  readonly options: LintOptions;
  readonly sections: ReadonlyMap<string, unknown>;
  readonly file?: string;
}

const NO_CONFIG: LoadedConfig = { options: {}, sections: new Map() };

/**
 * Merges command-line flags over a project configuration: `--ignore` adds to the file's
 * `ignore` list, `--region` replaces the file's `regions` (the user asked for those regions now).
 */
export function mergeOptions(config: LintOptions, flags: FlagOptions): LintOptions {
  const ignoreRules = [...new Set([...(config.ignoreRules ?? []), ...flags.ignore])];
  const regions = flags.regions.length > 0 ? [...new Set(flags.regions)] : config.regions;
  return {
    ...config,
    ...(ignoreRules.length > 0 ? { ignoreRules } : {}),
    ...(regions !== undefined ? { regions } : {}),
  };
}

/** A config file is there: anything but a folder, so a FIFO or a device is reported when read, not ignored. */
function isFile(file: string): boolean {
  try {
    return !fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAMES, parseProjectConfig } from '../engine/config';
import type { LintOptions } from '../engine/findings';
import type { LintSettings } from '../shared/protocol';
import { MAX_CONFIG_BYTES, readTextFile } from '../node/readRegularFile';

/** A project configuration as the server sees it: options plus problems to surface once. */
export interface ProjectConfig {
  readonly file: string | undefined;
  readonly options: LintOptions;
  /** Other features' sections (`cost`, `cdk`...), unvalidated, for those features to read. */
  readonly sections: ReadonlyMap<string, unknown>;
  readonly problems: readonly string[];
  /** Advice to show once (deprecated top-level lint keys). */
  readonly notes: readonly string[];
  /** Applied settings that cannot work as meant (unknown rule ids), to show once as a warning. */
  readonly warnings: readonly string[];
}

/**
 * Finds the nearest `.archlens.yml` above a file, cached per folder; `invalidate()`
 * on any change to a config file (the client watches them).
 */
export class ProjectConfigCache {
  private readonly byDir = new Map<string, ProjectConfig>();

  /** The configuration governing a file path. Never throws: unreadable files become problems. */
  forFile(filePath: string): ProjectConfig {
    return this.forDir(path.dirname(filePath));
  }

  invalidate(): void {
    this.byDir.clear();
  }

  private forDir(dir: string): ProjectConfig {
    const cached = this.byDir.get(dir);
    if (cached) return cached;
    let config: ProjectConfig = { file: undefined, options: {}, sections: new Map(), problems: [], notes: [], warnings: [] };
    const found = CONFIG_FILE_NAMES.map((name) => path.join(dir, name)).find((file) => fs.existsSync(file));
    if (found) {
      try {
        // Bounded and regular files only: `.archlens.yml -> /dev/zero` grew the server to 12 GB.
        const parsed = parseProjectConfig(readTextFile(found, MAX_CONFIG_BYTES));
        config = { file: found, ...parsed };
      } catch (error) {
        config = { file: found, options: {}, sections: new Map(), problems: [`cannot read: ${error instanceof Error ? error.message : String(error)}`], notes: [], warnings: [] };
      }
    } else {
      const parent = path.dirname(dir);
      if (parent !== dir) config = this.forDir(parent);
    }
    this.byDir.set(dir, config);
    return config;
  }
}

/**
 * Editor settings override the project file for severities and add to its
 * ignore list; regions from settings win when set (the user chose them here).
 */
export function mergeSettings(project: LintOptions, settings: LintSettings): LintOptions {
  return {
    ...project,
    ignoreRules: [...new Set([...(project.ignoreRules ?? []), ...(settings.ignoreRules ?? [])])],
    severityOverrides: { ...(project.severityOverrides ?? {}), ...(settings.severityOverrides ?? {}) },
    ...(settings.regions && settings.regions.length > 0 ? { regions: settings.regions } : {}),
  };
}

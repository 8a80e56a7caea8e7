import type { CdkAppConfig } from './assemblyModel';
import { asObject, ownString, parseJson } from './json';

/** The default assembly folder when cdk.json names no `output`. */
export const DEFAULT_ASSEMBLY_DIR = 'cdk.out';

/** Parses `cdk.json` (`app`, `output`); bad content becomes problems and the defaults. */
export function parseCdkJson(text: string): CdkAppConfig {
  const parsed = parseJson(text);
  const config = asObject(parsed.value);
  if (!config) return { output: DEFAULT_ASSEMBLY_DIR, problems: [`cdk.json is not a JSON object${parsed.error ? ` (${parsed.error})` : ''}.`] };
  const app = ownString(config, 'app');
  const output = ownString(config, 'output');
  const problems: string[] = [];
  // The output folder is joined to the app folder by the host: refuse anything that escapes it.
  const safeOutput = output !== undefined && output !== '' && !output.split(/[\\/]/).includes('..') && !/^([a-zA-Z]:)?[\\/]/.test(output) ? output : undefined;
  if (output !== undefined && safeOutput === undefined) problems.push(`cdk.json "output" (${JSON.stringify(output.slice(0, 80))}) must be a folder inside the app folder; using ${DEFAULT_ASSEMBLY_DIR}.`);
  return { ...(app !== undefined ? { app } : {}), output: safeOutput ?? DEFAULT_ASSEMBLY_DIR, problems };
}

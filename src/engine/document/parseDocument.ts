import type { ParsedDocument } from './located';
import { parseJson } from './jsonParser';
import { parseYaml } from './yamlParser';
import type { YamlParseOptions } from './yamlParser';

/**
 * Parses a file as JSON or YAML. `.json` files are strict JSON; `.yaml`/`.yml`
 * are YAML; anything else (e.g. `.template`) is JSON when it starts with `{`,
 * as CloudFormation itself decides.
 */
export function parseDocument(fileName: string, text: string, options: YamlParseOptions = {}): ParsedDocument {
  return looksLikeJson(fileName, text) ? parseJson(text) : parseYaml(text, options);
}

/** Whether a file is treated as JSON. */
export function looksLikeJson(fileName: string, text: string): boolean {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.json')) return true;
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return false;
  const match = /^\uFEFF?\s*(\S)/.exec(text);
  return match?.[1] === '{';
}

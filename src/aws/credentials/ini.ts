// A line-aware reader for the AWS shared config and credentials files. The SDK's own parser
// (@smithy/core/config `parseIni`) silently skips lines it does not understand and keeps no line
// numbers, so a typo makes a profile quietly lose a key. This reader follows the same rules (so
// the profile list matches what the SDK will use) and additionally reports every line the SDK
// would ignore or misread, with its line number. Credentials are still resolved by the SDK.

/** One `key = value` with the line it came from (1-based). */
export interface IniEntry {
  readonly value: string;
  readonly line: number;
}

/** A `[section]` as the SDK sees it. */
export interface IniSection {
  /** The raw text between the brackets, trimmed, e.g. `profile dev`, `default`, `sso-session corp`. */
  readonly header: string;
  /** `profile`, `sso-session`, `services` or undefined for an unprefixed name. */
  readonly prefix?: string;
  /** The name after the prefix (or the whole header when unprefixed). */
  readonly name: string;
  readonly line: number;
  /** Keys; sub-section keys are joined with a dot (`cloudformation.endpoint_url`), like the SDK. */
  readonly entries: Map<string, IniEntry>;
}

/** A line the SDK would ignore or misread. */
export interface IniProblem {
  readonly line: number;
  readonly message: string;
  /** The header of the section the line belongs to, as the SDK attributes it (if any). */
  readonly section?: string;
}

export interface IniFile {
  readonly sections: IniSection[];
  readonly problems: IniProblem[];
}

/** Section prefixes the SDK recognises (`IniSectionType`). */
export const SECTION_PREFIXES = ['profile', 'sso-session', 'services'] as const;

// Same pattern as the SDK's `prefixKeyRegex`: a prefix, a space, an optionally quoted name.
const PREFIXED = /^([\w-]+)\s(["'])?([\w\-@+.%:/]+)\2$/;
const BLOCKED_NAMES = ['__proto__', 'profile __proto__'];

/** Parses INI text the way the AWS SDK for JavaScript v3 does, keeping line numbers and problems. */
export function parseIniWithLines(text: string): IniFile {
  const sections: IniSection[] = [];
  const problems: IniProblem[] = [];
  let current: IniSection | undefined;
  let subSection: string | undefined;
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!;
    const lineNo = index + 1;
    // The SDK strips a comment that starts a line or follows whitespace; `a#b` keeps its `#`.
    const line = raw.split(/(?:^|\s)[;#]/)[0]!.trim();
    if (line === '') continue;
    if (line.startsWith('[') && line.endsWith(']')) {
      subSection = undefined;
      current = undefined;
      const header = line.slice(1, -1).trim();
      if (BLOCKED_NAMES.includes(header)) {
        problems.push({ line: lineNo, message: `invalid profile name "${header}"` });
        continue;
      }
      const match = PREFIXED.exec(line.slice(1, -1));
      if (match) {
        const [, prefix, , name] = match;
        if ((SECTION_PREFIXES as readonly string[]).includes(prefix!)) {
          current = { header, prefix, name: name!, line: lineNo, entries: new Map() };
        } else {
          problems.push({ line: lineNo, message: `unknown section type "${prefix}" in [${header}]; it is ignored` });
        }
      } else if (/\s/.test(header) || header === '') {
        problems.push({ line: lineNo, message: `invalid section name [${header}]; names may not contain spaces and it is ignored` });
      } else {
        current = { header, name: header, line: lineNo, entries: new Map() };
      }
      if (current) sections.push(current);
      continue;
    }
    if (line.startsWith('[')) {
      problems.push({ line: lineNo, message: `malformed section header (missing "]")`, section: current?.header });
      continue;
    }
    const equals = line.indexOf('=');
    if (equals <= 0) {
      problems.push({ line: lineNo, message: equals === 0 ? 'missing key before "="' : 'expected "key = value" or "[section]"', section: current?.header });
      continue;
    }
    if (!current) {
      problems.push({ line: lineNo, message: 'setting outside of any section; it is ignored' });
      continue;
    }
    const key = line.slice(0, equals).trim();
    const value = line.slice(equals + 1).trim();
    if (value === '') {
      // `s3 =` followed by indented lines opens a sub-section (the SDK's nested keys).
      subSection = key;
      continue;
    }
    // An unindented line ends the sub-section (SDK rule).
    if (subSection !== undefined && raw.trimStart() === raw) subSection = undefined;
    current.entries.set(subSection !== undefined ? `${subSection}.${key}` : key, { value, line: lineNo });
  }
  return { sections, problems };
}

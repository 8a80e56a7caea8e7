// The one argv loop of every `archlens` command: positional arguments, `--` ends the options,
// values as `--flag=value`, `--flag value` or `-f value`. Each command's parser only says what
// its flags mean, so a quirk fixed here (an empty value, `--` handling) is fixed for all.
import { UsageError } from './usageError';

/** One option as the scanner met it. */
export interface OptionReader {
  /** The flag as typed, without an inline `=value` (e.g. `--format`, `-f`). */
  readonly flag: string;
  /** True for `--flag=value`: a switch that takes no value rejects it. */
  readonly hasInlineValue: boolean;
  /** The option's value (inline, else the next argument); a missing or empty value is a usage error. */
  readonly value: () => string;
}

/** Calls `onOption` for each option in order and returns the positional arguments. */
export function scanOptions(args: readonly string[], onOption: (option: OptionReader) => void): string[] {
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const inline = arg.startsWith('--') && eq > 0;
    const flag = inline ? arg.slice(0, eq) : arg;
    onOption({
      flag,
      hasInlineValue: inline,
      value: () => {
        if (inline) return arg.slice(eq + 1);
        const value = args[++i];
        if (value === undefined || value === '') throw new UsageError(`option '${flag}' needs a value`);
        return value;
      },
    });
  }
  return positional;
}

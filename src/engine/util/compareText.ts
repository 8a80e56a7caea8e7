/**
 * String order by UTF-16 code units, for sorting ids and names in lint output.
 *
 * Why not `localeCompare`: its first call in a process loads ICU's collation data, about 8 ms of
 * a cold `archlens lint` that is otherwise done in under 0.1 s (and `toLocaleString` loads ICU's
 * number formats, about 18 ms). For rule ids (`[a-z0-9-]`) the order is the same as
 * `localeCompare`'s; for other names it is a fixed, locale-independent order, which is what
 * output that must be byte-for-byte reproducible wants anyway.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `12345` -> `12,345` (en-US digit grouping) without loading ICU (see above). */
export function groupDigits(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const [whole, fraction] = String(Math.abs(value)).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction !== undefined ? `.${fraction}` : ''}`;
}

/** `$1,234.57`; sub-cent amounts keep two significant digits so they do not read as $0.00. */
export function money(value: number): string {
  if (value > 0 && value < 0.01) return `$${Number(value.toPrecision(2))}`;
  return `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** A signed monthly difference: `+$12.30`, `-$4.00`, `$0.00`. */
export function signedMoney(value: number): string {
  if (Math.abs(value) < 0.005) return money(0);
  return value > 0 ? `+${money(value)}` : `-${money(-value)}`;
}

/** Money as the panel shows it (the engine's own format: `$1,234.57`, sub-cent amounts with two significant digits). */
export function usd(value: number): string {
  if (value > 0 && value < 0.01) return `$${Number(value.toPrecision(2))}`;
  return `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** A signed difference: `+$12.30`, `-$4.00`. */
export function signedUsd(value: number): string {
  if (Math.abs(value) < 0.005) return usd(0);
  return value > 0 ? `+${usd(value)}` : `-${usd(-value)}`;
}

/** A usage figure typed by the user: a number >= 0, empty to clear, or undefined when invalid. */
export function parseFigure(text: string): number | null | undefined {
  const trimmed = text.trim().replace(/[,_\s]/g, '');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

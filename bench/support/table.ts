/**
 * Formats rows as a plain-text table with a header rule. Cells that look numeric are right-aligned so figures line up.
 */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const numeric = /^[-+]?[\d.,]+(\s?(ms|×|%|s))?$/;
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? cell.length;
        return numeric.test(cell) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

/** Milliseconds with one decimal, for tables. */
export function ms(value: number): string {
  return value.toFixed(1);
}

/** A ratio such as 1.73×; '∞' when the baseline is zero. */
export function ratio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : '∞';
}

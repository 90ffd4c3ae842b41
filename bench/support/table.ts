import type { BenchRow } from "./bench-row";

// Counts and figures from 100 up as whole numbers, one decimal from 10, two below: enough precision for what the figures can tell.
function formatValue(value: number): string {
  if (!Number.isFinite(value)) return "—";
  const decimals = Number.isInteger(value) || Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A plain-text table: name and notes left-aligned, figures right-aligned. */
export function formatTable(rows: BenchRow[]): string {
  const header = ["name", "figure", "unit", "notes"];
  const cells = rows.map((row) => [row.name, formatValue(row.value), row.unit, row.note ?? ""]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column].length)));
  const render = (line: string[]) =>
    line
      .map((cell, column) => (column === 1 ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join("  ")
      .trimEnd();
  return [render(header), render(widths.map((width) => "-".repeat(width))), ...cells.map(render)].join("\n");
}

/** Machine-readable output for `--json`: one JSON document on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export interface Column<Row> {
  header: string;
  value: (row: Row) => string;
}

// Text from the server (names anyone may set) is shown with control characters blanked: they could move the cursor or recolour the terminal.
const controlCharacters = /\p{Cc}/gu;

export function withoutControlCharacters(text: string): string {
  return text.replace(controlCharacters, " ");
}

/** Left-aligned columns two spaces apart, a header row first; no trailing spaces. */
export function formatTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const lines = [columns.map((column) => column.header), ...rows.map((row) => columns.map((column) => withoutControlCharacters(column.value(row))))];
  const widths = columns.map((_, index) => Math.max(...lines.map((cells) => cells[index].length)));
  return lines.map((cells) => cells.map((cell, index) => cell.padEnd(widths[index])).join("  ").trimEnd()).join("\n");
}

/** What every listing verb prints: the rows as JSON with `--json`, else a table, or `emptyMessage` when there are none. */
export function printList<Row>(rows: readonly Row[], columns: readonly Column<Row>[], options: { json?: boolean; emptyMessage: string }): void {
  if (options.json) printJson(rows);
  else if (rows.length === 0) console.log(options.emptyMessage);
  else console.log(formatTable(rows, columns));
}

/** "1 sample", "1,024 samples". */
export function plural(count: number, noun: string): string {
  return `${count.toLocaleString("en")} ${noun}${count === 1 ? "" : "s"}`;
}

export const jsonOptionHelp = "print machine-readable JSON";

import { parse } from "csv-parse/sync";
import { DomainError } from "@/server/errors";

/** One model's row of a paper's results table: scores in percent, † kept per cell. */
export interface ResultsTableRow {
  model: string;
  sftData: string | null;
  rlData: string | null;
  scores: Record<string, { percent: number; reproduced: boolean }>;
}

export interface ResultsTable {
  columns: string[];
  rows: ResultsTableRow[];
}

const infoColumns = new Set(["model", "sft_data", "rl_data"]);

/**
 * Reads a results table in CSV: a `model` column, optional `sft_data` / `rl_data`, one column per benchmark key.
 * An empty cell means the paper reports nothing; a trailing † marks a reproduced figure; anything else must be a number.
 */
export function parseResultsTable(csv: string, file: string): ResultsTable {
  let records: string[][];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, relax_column_count: false });
  } catch (error) {
    throw new DomainError("BAD_REQUEST", `${file}: not a readable CSV table (${(error as Error).message}).`);
  }
  const [header, ...body] = records;
  if (!header?.includes("model")) throw new DomainError("BAD_REQUEST", `${file}: the header needs a "model" column.`);
  const at = (name: string) => header.indexOf(name);
  const columns = header.filter((c) => !infoColumns.has(c));
  const rows = body.map((cells, index) => {
    const rowNumber = index + 2;
    const model = cells[at("model")]?.trim();
    if (!model) throw new DomainError("BAD_REQUEST", `${file} row ${rowNumber}: the model name is empty.`);
    const scores: ResultsTableRow["scores"] = {};
    for (const column of columns) {
      const cell = cells[at(column)].trim();
      if (cell === "") continue;
      const reproduced = cell.endsWith("†");
      const percent = Number(reproduced ? cell.slice(0, -1).trim() : cell);
      if (!Number.isFinite(percent)) {
        throw new DomainError("BAD_REQUEST", `${file} row ${rowNumber}, column ${column}: "${cell}" is not a number.`);
      }
      scores[column] = { percent, reproduced };
    }
    const info = (name: string) => (at(name) >= 0 ? cells[at(name)].trim() || null : null);
    return { model, sftData: info("sft_data"), rlData: info("rl_data"), scores };
  });
  return { columns, rows };
}

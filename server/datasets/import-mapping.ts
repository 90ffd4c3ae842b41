import "server-only";
import { readSourceRows, suggestMapping, type ColumnMapping, type DatasetSource, type RawRow } from "./import";

const rowsToSuggestFrom = 200;

/** The mapping the preview would suggest for a source, from its first rows. */
export async function suggestMappingForSource(source: DatasetSource): Promise<ColumnMapping> {
  const rows: RawRow[] = [];
  for await (const record of readSourceRows(source)) {
    if (record.kind === "row") rows.push(record.values);
    if (rows.length >= rowsToSuggestFrom) break;
  }
  return suggestMapping(rows).mapping;
}

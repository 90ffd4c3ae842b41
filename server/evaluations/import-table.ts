import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { evaluationScores, evaluations, models } from "@/db/schema";
import type { Database } from "@/server/db/client";
import { listBenchmarks } from "./catalog";
import { findOrCreateModel } from "./models";
import type { ResultsTable } from "./results-table";

/**
 * Loads a paper's results table as reference rows: a model per row (source "reference"), one evaluation holding its
 * figures. Importing the same source again replaces its figures. Columns outside the catalog are kept under their own name.
 */
export async function importResultsTable(
  db: Database,
  input: { projectId: string; sourceLabel: string; table: ResultsTable; importedBy: string | null },
) {
  const catalog = new Map((await listBenchmarks(db, input.projectId)).map((b) => [b.key, b]));
  const uncatalogued = input.table.columns.filter((c) => !catalog.has(c));
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: evaluations.id })
      .from(evaluations)
      .innerJoin(models, eq(models.id, evaluations.modelId))
      .where(and(eq(evaluations.projectId, input.projectId), eq(evaluations.format, "table"), eq(models.sourceLabel, input.sourceLabel)));
    if (existing.length > 0) await tx.delete(evaluations).where(inArray(evaluations.id, existing.map((e) => e.id)));

    for (const row of input.table.rows) {
      const model = await findOrCreateModel(tx, { projectId: input.projectId, name: row.model, source: "reference", sourceLabel: input.sourceLabel, sftData: row.sftData, rlData: row.rlData });
      await tx.update(models).set({ sftData: row.sftData, rlData: row.rlData }).where(eq(models.id, model.id));
      const [evaluation] = await tx
        .insert(evaluations)
        .values({ projectId: input.projectId, modelId: model.id, format: "table", label: input.sourceLabel, harness: { columns: input.table.columns }, importedBy: input.importedBy })
        .returning({ id: evaluations.id });
      const scores = Object.entries(row.scores).map(([column, cell]) => {
        const benchmark = catalog.get(column);
        return {
          evaluationId: evaluation.id,
          task: benchmark?.task ?? column,
          metric: benchmark?.metric ?? "score",
          filter: benchmark?.filter ?? "none",
          // Stored as a fraction like every harness score; the percent is exact to the table's one decimal.
          value: cell.percent / 100,
          reproduced: cell.reproduced,
        };
      });
      if (scores.length > 0) await tx.insert(evaluationScores).values(scores);
    }
    return { models: input.table.rows.length, uncatalogued };
  });
}

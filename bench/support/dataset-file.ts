import { DuckDBInstance } from "@duckdb/node-api";
import sharp from "sharp";

/** A few distinct small PNGs, as DuckDB hex literals: images recur across rows as figures do in real sets. */
async function pngHexes(count: number): Promise<string[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: (i * 37) % 256, g: (i * 91) % 256, b: 200 } } })
        .png()
        .toBuffer();
      return png.toString("hex");
    }),
  );
}

/**
 * `rows` samples in verl's RL layout with text of realistic length (a ~300-character problem, a short ground truth),
 * 1% of them with one real PNG image, written by DuckDB.
 */
export async function writeBenchmarkParquet(file: string, rows: number): Promise<void> {
  const images = await pngHexes(50);
  const imageCase = images.map((hex, i) => `WHEN ${i} THEN from_hex('${hex}')`).join(" ");
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    await connection.run(`COPY (
      SELECT
        'bench/' || (i % 12) AS data_source,
        [{'role': 'user', 'content': CASE WHEN i % 100 = 0 THEN '<image>' ELSE '' END || 'Problem ' || i || ': in triangle ABC the side a = ' || (i % 97 + 3)
          || ' and the angle at B measures ' || (i % 80 + 10) || ' degrees. ' || repeat('Using the figure and the given relations, find the requested value and justify each step. ', 3)
          || 'Put the final answer in \\boxed{}.'}] AS prompt,
        CASE WHEN i % 100 = 0 THEN [{'bytes': CASE (i // 100) % 50 ${imageCase} END, 'path': 'fig_' || ((i // 100) % 50) || '.png'}]
             ELSE []::STRUCT(bytes BLOB, path VARCHAR)[] END AS images,
        'math' AS ability,
        {'ground_truth': CAST((i * 7) % 1000 AS VARCHAR), 'style': 'rule'} AS reward_model,
        {'index': i::BIGINT, 'split': 'train'} AS extra_info
      FROM range(${rows}) t(i)
    ) TO '${file.replaceAll("'", "''")}' (FORMAT parquet, ROW_GROUP_SIZE 50000)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

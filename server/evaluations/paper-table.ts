import type { ResultsTable } from "./results-table";

export const paperSourceLabel = "OpenMMReasoner paper (arXiv 2511.16334)";

type Cell = number | `${number}†` | null;
const columns = [
  "mathvista_testmini",
  "mathvision_test",
  "mathvision_testmini",
  "mathverse_testmini",
  "dynamath_worst",
  "wemath_loose",
  "logicvista_test",
  "mmmu_val",
  "mmmu_pro_standard",
  "mmmu_pro_vision",
  "charxiv_reasoning",
  "charxiv_descriptive",
];

// The paper's 7B comparison table, transcribed: percent; † = reproduced by the paper's authors; null = not reported.
const rows: [model: string, sftData: string | null, rlData: string | null, cells: Cell[]][] = [
  ["VLAA-Thinker-Qwen2.5-7B", "126k", "25k", [68.0, 26.4, null, 48.2, 22.4, null, 48.5, null, null, null, null, null]],
  ["ThinkLite-7B-VL", null, "11k", [71.6, 24.6, null, 42.9, 16.5, null, 42.7, null, null, null, null, null]],
  ["VL-Rethinker-7B", null, "39k", [73.7, 28.4, null, 46.4, 17.8, null, 42.7, null, 41.7, null, null, null]],
  ["M2-Reasoning", "6.2M", "102k", [75.0, 42.1, null, 40.4, null, null, 50.6, null, null, null, null, null]],
  ["MMR1", "1.6M", "15k", [72.0, 31.8, "29.0†", 55.4, "27.9†", "68.0†", 48.9, "52.4†", "41.1†", "37.1†", "43.5†", "71.1†"]],
  ["OpenVLThinker-7B", "3.3k", "9.6k", [65.3, 23.0, "26.9†", 38.1, 16.8, "61.9†", 44.5, "55.1†", "39.7†", "38.4†", "41.0†", "69.2†"]],
  ["MM-Eureka-Qwen-7B", null, "15.6k", [72.6, 28.1, "32.1†", 45.4, 23.0, "59.8†", 46.3, "54.4†", "40.1†", "37.1†", "42.4†", "74.1†"]],
  ["OVR-7B", "2M", "300k", [72.1, 51.8, "38.2†", 54.6, 33.5, 64.8, 54.8, "51.8†", 50.2, "29.1†", 44.5, 73.6]],
  ["OMR-7B", "874k", "74k", [79.5, 43.6, 38.8, 63.8, 34.9, 79.0, 50.0, 57.8, 44.1, 40.6, 46.1, 73.5]],
];

export const paperTable: ResultsTable = {
  columns,
  rows: rows.map(([model, sftData, rlData, cells]) => ({
    model,
    sftData,
    rlData,
    scores: Object.fromEntries(
      cells.flatMap((cell, i) => {
        if (cell === null) return [];
        const reproduced = typeof cell === "string";
        return [[columns[i], { percent: reproduced ? Number(cell.slice(0, -1)) : cell, reproduced }]];
      }),
    ),
  })),
};

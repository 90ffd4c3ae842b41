import { averageOf, bestByColumn, deltaVsBaseline, percent, type LeaderboardData, type LeaderboardView } from "./leaderboard-view";

export const exportFormats = ["csv", "md", "latex"] as const;
export type ExportFormat = (typeof exportFormats)[number];

const latexSpecials: Record<string, string> = { "\\": "\\textbackslash{}", "&": "\\&", "%": "\\%", $: "\\$", "#": "\\#", _: "\\_", "{": "\\{", "}": "\\}", "~": "\\textasciitilde{}", "^": "\\textasciicircum{}" };
const escapeLatex = (text: string) => text.replace(/[\\&%$#_{}~^]/g, (c) => latexSpecials[c]);
const csvCell = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
const signed = (delta: number) => `${delta > 0 ? "+" : ""}${delta.toFixed(1)}`;

interface TableCell {
  text: string;
  best: boolean;
  reproduced: boolean;
  delta: number | null;
}

function tableOf(data: LeaderboardData, view: LeaderboardView) {
  const best = bestByColumn(data, view.columns);
  const baseline = data.rows.find((r) => r.model.id === view.baselineModelId);
  return data.rows.map((row) => ({
    row,
    cells: view.columns.map((key): TableCell | null => {
      const cell = row.cells[key];
      if (!cell) return null;
      const value = percent(cell.value);
      const delta = baseline && row !== baseline ? deltaVsBaseline(cell, baseline.cells[key]) : null;
      return { text: value.toFixed(1), best: best[key] === value, reproduced: cell.reproduced, delta };
    }),
    average: averageOf(row.cells, view.averageOver),
  }));
}

/**
 * The leaderboard as CSV (the same shape the table import reads, † kept), Markdown, or LaTeX (booktabs, best per
 * column bold, † as a superscript dagger, deltas vs the baseline when one is pinned).
 */
export function exportLeaderboard(data: LeaderboardData, view: LeaderboardView, format: ExportFormat): string {
  const labels = view.columns.map((key) => data.benchmarks.find((b) => b.key === key)?.label ?? key);
  const rows = tableOf(data, view);
  const withAverage = view.averageOver.length > 0;
  if (format === "csv") {
    const header = ["model", "sft_data", "rl_data", ...view.columns].join(",");
    const lines = rows.map(({ row, cells }) =>
      [csvCell(row.model.name), csvCell(row.model.sftData ?? ""), csvCell(row.model.rlData ?? ""), ...cells.map((c) => (c ? `${c.text}${c.reproduced ? "†" : ""}` : ""))].join(","),
    );
    return [header, ...lines].join("\n") + "\n";
  }
  if (format === "md") {
    const header = `| Model | ${labels.join(" | ")}${withAverage ? " | Avg |" : " |"}`;
    const rule = `|---|${view.columns.map(() => "---:").join("|")}|${withAverage ? "---:|" : ""}`;
    const lines = rows.map(({ row, cells, average }) => {
      const shown = cells.map((c) => {
        if (!c) return "–";
        const value = `${c.text}${c.reproduced ? "†" : ""}`;
        return `${c.best ? `**${value}**` : value}${c.delta === null ? "" : ` (${signed(c.delta)})`}`;
      });
      return `| ${row.model.name.replaceAll("|", "\\|")} | ${shown.join(" | ")}${withAverage ? ` | ${average?.toFixed(1) ?? "–"} |` : " |"}`;
    });
    return [header, rule, ...lines].join("\n") + "\n";
  }
  const columnSpec = `l${"r".repeat(view.columns.length)}${withAverage ? "r" : ""}`;
  const header = `Model & ${labels.map(escapeLatex).join(" & ")}${withAverage ? " & Avg" : ""} \\\\`;
  const lines = rows.map(({ row, cells, average }) => {
    const shown = cells.map((c) => {
      if (!c) return "--";
      const value = `${c.best ? `\\textbf{${c.text}}` : c.text}${c.reproduced ? "$^\\dagger$" : ""}`;
      return c.delta === null ? value : `${value}\\,{\\scriptsize ${signed(c.delta)}}`;
    });
    return `${escapeLatex(row.model.name)} & ${shown.join(" & ")}${withAverage ? ` & ${average?.toFixed(1) ?? "--"}` : ""} \\\\`;
  });
  return ["\\begin{tabular}{" + columnSpec + "}", "\\toprule", header, "\\midrule", ...lines, "\\bottomrule", "\\end{tabular}"].join("\n") + "\n";
}

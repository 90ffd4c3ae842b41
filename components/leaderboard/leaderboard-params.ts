/** What the sort applies to: the model name, the average, or a benchmark key. */
export type SortKey = "model" | "average" | (string & {});

/**
 * The leaderboard view held in the URL, so a view is a permalink. Null means "the default": every benchmark with a
 * score for `columns`, the shown columns for `averageOver`.
 */
export interface LeaderboardParams {
  columns: string[] | null;
  averageOver: string[] | null;
  baseline: string | null;
  sort: { key: SortKey; descending: boolean } | null;
  filter: string;
  chartBenchmark: string | null;
  chartModel: string | null;
  /** Model id → evaluation id, for models with several evaluations. */
  chosenEvaluations: Record<string, string>;
}

const list = (value: string | null): string[] | null => (value === null ? null : value.split(",").filter(Boolean));

/**
 * Reads `?cols=a,b&avg=a,b&baseline=<model>&sort=-a&q=text&bench=a&model=<model>&eval=<model>:<evaluation>,…`.
 * Benchmark keys hold no commas (the catalog allows letters, digits and _ . @ -); ids are uuids. Malformed parts
 * are dropped, so an edited link still opens.
 */
export function parseLeaderboardParams(params: URLSearchParams): LeaderboardParams {
  const sort = params.get("sort");
  const chosenEvaluations: Record<string, string> = {};
  for (const pair of list(params.get("eval")) ?? []) {
    const [model, evaluation] = pair.split(":");
    if (model && evaluation) chosenEvaluations[model] = evaluation;
  }
  return {
    columns: list(params.get("cols")),
    averageOver: list(params.get("avg")),
    baseline: params.get("baseline") || null,
    sort: sort ? { key: sort.replace(/^-/, ""), descending: sort.startsWith("-") } : null,
    filter: params.get("q") ?? "",
    chartBenchmark: params.get("bench") || null,
    chartModel: params.get("model") || null,
    chosenEvaluations,
  };
}

/** The query string for a view, leaving defaults out so a plain view keeps a plain link. */
export function leaderboardQuery(view: LeaderboardParams): string {
  const params = new URLSearchParams();
  if (view.columns) params.set("cols", view.columns.join(","));
  if (view.averageOver) params.set("avg", view.averageOver.join(","));
  if (view.baseline) params.set("baseline", view.baseline);
  if (view.sort) params.set("sort", `${view.sort.descending ? "-" : ""}${view.sort.key}`);
  if (view.filter) params.set("q", view.filter);
  if (view.chartBenchmark) params.set("bench", view.chartBenchmark);
  if (view.chartModel) params.set("model", view.chartModel);
  const chosen = Object.entries(view.chosenEvaluations);
  if (chosen.length > 0) params.set("eval", chosen.map(([model, evaluation]) => `${model}:${evaluation}`).join(","));
  // Commas and colons are legal in a query; leaving them unescaped keeps shared links readable.
  return params.toString().replaceAll("%2C", ",").replaceAll("%3A", ":");
}

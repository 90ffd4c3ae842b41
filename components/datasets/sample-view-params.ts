import type { AnswerKind } from "@/server/datasets/answer-kind";
import type { SampleSort } from "@/server/datasets/browse";
import type { SampleFilter } from "@/server/datasets/sample-filter";

export const answerKindLabels: Record<AnswerKind, string> = {
  none: "no answer",
  choice: "multiple choice",
  number: "number",
  math: "math",
  text: "free text",
};

export const sampleSortLabels: Record<SampleSort, string> = {
  id: "Import order",
  "-id": "Newest first",
  traceLength: "Shortest trace",
  "-traceLength": "Longest trace",
};

export const verdictLabels: Record<SampleVerdict, string> = {
  correct: "Judged right",
  incorrect: "Judged wrong",
  unjudged: "Not judged",
};

export type SampleStatus = "all" | "included" | "excluded";
export type SampleVerdict = NonNullable<SampleFilter["verdict"]>;
export type BrowseLayout = "list" | "grid";

/** What a dataset view shows: the filter and sort the server applies, and how the page lays samples out. */
export interface SampleView {
  filter: SampleFilter & { status: SampleStatus };
  sort: SampleSort;
  layout: BrowseLayout;
}

const isAnswerKind = (value: string): value is AnswerKind => value in answerKindLabels;
const isVerdict = (value: string): value is SampleVerdict => value in verdictLabels;
const isSort = (value: string): value is SampleSort => value in sampleSortLabels;

function count(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}

/**
 * Reads a view from the query string. The short names keep shared links readable:
 * `?source=<id>&tag=a&tag=b&image=yes&kind=math&verdict=incorrect&traceMin=100&traceMax=2000&q=circle&status=included&sort=-id&layout=grid`.
 * Unknown or malformed values are ignored, so an edited link still opens.
 */
export function parseSampleView(params: URLSearchParams): SampleView {
  const filter: SampleView["filter"] = { status: "all" };
  const sources = params.getAll("source").filter(Boolean);
  const tags = params.getAll("tag").filter(Boolean);
  const kinds = params.getAll("kind").filter(isAnswerKind);
  if (sources.length) filter.sourceIds = sources;
  if (tags.length) filter.tags = tags;
  if (kinds.length) filter.answerKinds = kinds;
  const image = params.get("image");
  if (image === "yes" || image === "no") filter.hasImage = image === "yes";
  const verdict = params.get("verdict") ?? "";
  if (isVerdict(verdict)) filter.verdict = verdict;
  const traceMin = count(params.get("traceMin"));
  const traceMax = count(params.get("traceMax"));
  if (traceMin !== undefined) filter.traceLengthMin = traceMin;
  if (traceMax !== undefined) filter.traceLengthMax = traceMax;
  const search = params.get("q")?.trim();
  if (search) filter.search = search;
  const status = params.get("status");
  if (status === "included" || status === "excluded") filter.status = status;
  const sort = params.get("sort") ?? "";
  return { filter, sort: isSort(sort) ? sort : "id", layout: params.get("layout") === "grid" ? "grid" : "list" };
}

/** The query string of a view (without `?`), leaving defaults out. */
export function sampleViewQuery(view: SampleView): string {
  const params = new URLSearchParams();
  const { filter } = view;
  filter.sourceIds?.forEach((id) => params.append("source", id));
  filter.tags?.forEach((tag) => params.append("tag", tag));
  if (filter.hasImage !== undefined) params.set("image", filter.hasImage ? "yes" : "no");
  filter.answerKinds?.forEach((kind) => params.append("kind", kind));
  if (filter.verdict) params.set("verdict", filter.verdict);
  if (filter.traceLengthMin !== undefined) params.set("traceMin", String(filter.traceLengthMin));
  if (filter.traceLengthMax !== undefined) params.set("traceMax", String(filter.traceLengthMax));
  if (filter.search) params.set("q", filter.search);
  if (filter.status !== "all") params.set("status", filter.status);
  if (view.sort !== "id") params.set("sort", view.sort);
  if (view.layout !== "list") params.set("layout", view.layout);
  return params.toString();
}

/** Whether the filter narrows anything (bulk actions then say "every sample" rather than "matching"). */
export function isFiltered(filter: SampleView["filter"]): boolean {
  return sampleViewQuery({ filter, sort: "id", layout: "list" }) !== "";
}

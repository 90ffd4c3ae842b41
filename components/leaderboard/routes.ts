/** Links between the leaderboard's pages, in one place so every page builds them alike. */

const withQuery = (path: string, query: Record<string, string | undefined>) => {
  const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
};

export const leaderboardHref = (project: string) => `/p/${project}/leaderboard`;

export const importHref = (project: string, section?: "lmms-eval" | "table") => `/p/${project}/leaderboard/import${section ? `#${section}` : ""}`;

export const benchmarksHref = (project: string) => `/p/${project}/leaderboard/benchmarks`;

export const evaluationHref = (project: string, evaluationId: string, task?: string) =>
  withQuery(`/p/${project}/leaderboard/evaluations/${evaluationId}`, { task });

export const evaluationSampleHref = (project: string, evaluationId: string, sampleId: number, task?: string) =>
  withQuery(`/p/${project}/leaderboard/evaluations/${evaluationId}/samples/${sampleId}`, { task });

export const compareHref = (project: string, query: { a?: string; b?: string; task?: string; doc?: string } = {}) =>
  withQuery(`/p/${project}/leaderboard/compare`, query);

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Evaluation and model ids are uuids; a malformed one in a link is a 404, not a server error. */
export const isUuid = (text: string) => uuidPattern.test(text);

/**
 * lmms-eval names its outputs `<date_id>_results.json` and `<date_id>_samples_<task>.jsonl`, where
 * date_id is `YYYYMMDD_HHMMSS` (lmms-eval) or an ISO time with ':' replaced by '-' (lm-eval-harness).
 */
const RESULTS_FILE = /^(.+?)_results\.json$/;
const SAMPLES_FILE = /^(.+?)_samples_(.+)\.jsonl$/;
const COMPACT_DATE_ID = /^(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})$/;
const ISO_DATE_ID = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})(\.\d+)?$/;

export type LmmsEvalFileName =
  | { kind: "results"; dateId: string }
  | { kind: "samples"; dateId: string; task: string };

export function parseLmmsEvalFileName(fileName: string): LmmsEvalFileName | null {
  const results = RESULTS_FILE.exec(fileName);
  if (results) return { kind: "results", dateId: results[1] };
  const samples = SAMPLES_FILE.exec(fileName);
  if (samples) return { kind: "samples", dateId: samples[1], task: samples[2] };
  return null;
}

/**
 * The evaluating machine's local time as `YYYY-MM-DDTHH:MM:SS` with no zone: lmms-eval does not record
 * one, so inventing UTC would shift the time. Null when the id is not a valid date.
 */
export function dateIdToLocalIso(dateId: string): string | null {
  const match = COMPACT_DATE_ID.exec(dateId) ?? ISO_DATE_ID.exec(dateId);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const probe = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const valid = probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
  if (!valid) return null;
  return `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}${match[7] ?? ""}`;
}

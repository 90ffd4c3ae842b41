import type { LaunchSpec } from "@/server/agents/launch-spec";

export interface ImportedLog {
  fileName: string;
  lines: number;
  bytes: number;
}

/** A training run's config holds `launch` (what the agent ran); an imported run's holds `imported` (the file). */
export function launchSpecOf(config: unknown): LaunchSpec | null {
  const launch = (config as { launch?: unknown } | null)?.launch as Partial<LaunchSpec> | undefined;
  if (!launch || typeof launch.command !== "string") return null;
  return { executor: "local", env: {}, files: [], collect: [], ...launch } as LaunchSpec;
}

export function importedLogOf(config: unknown): ImportedLog | null {
  const imported = (config as { imported?: Partial<ImportedLog> } | null)?.imported;
  return imported && typeof imported.fileName === "string" ? (imported as ImportedLog) : null;
}

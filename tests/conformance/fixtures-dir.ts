import path from "node:path";

/** Where the real third-party files lie; never copied into the project. */
export const fixturesDir = path.resolve(process.env.MMR_FIXTURES_DIR ?? path.join(import.meta.dirname, "../../../shared/fixtures"));

export function fixturePath(...parts: string[]): string {
  return path.join(fixturesDir, ...parts);
}

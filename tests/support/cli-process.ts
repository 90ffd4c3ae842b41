import { spawn } from "node:child_process";
import path from "node:path";

export const cliBin = path.resolve(import.meta.dirname, "../../workers/cli/bin.mjs");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The CLI as a user runs it: its own process, started in `cwd`, with none of the developer's MMR settings or config
 * (they must not leak into tests) but the variables given.
 */
export function runCliProcess(args: string[], options: { cwd: string; env: Record<string, string> }): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith("MMR_") || name === "XDG_CONFIG_HOME") delete env[name];
  Object.assign(env, options.env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliBin, ...args], { cwd: options.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { CliError } from "./errors";

/** Where `mmr` talks to, and with which personal token. */
export interface Connection {
  server: string;
  token: string;
}

const savedLoginSchema = z.object({ server: z.string().min(1), token: z.string().min(1) });

export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MMR_CONFIG) return path.resolve(env.MMR_CONFIG);
  const configHome = env.XDG_CONFIG_HOME || path.join(os.homedir(), ".config");
  return path.join(configHome, "mmr", "config.json");
}

/** `http(s)://host[:port][/prefix]` without a trailing slash, so `${server}/api/trpc` is always right. */
export function normalizeServerUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CliError(`"${raw}" is not a URL: give the server as http(s)://host[:port].`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new CliError(`"${raw}" is not an http(s) URL: give the server as http(s)://host[:port].`);
  }
  return url.origin + url.pathname.replace(/\/+$/, "");
}

export function readSavedLogin(file: string): Connection | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new CliError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const login = savedLoginSchema.safeParse(parsed);
  if (!login.success) throw new CliError(`${file} is not a valid mmr config: run \`mmr login\` again.`);
  return login.data;
}

/** Writes through a temporary file so a crash never leaves half a config, and with mode 0600: it holds a token. */
export function saveLogin(file: string, login: Connection): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  rmSync(temporary, { force: true });
  writeFileSync(temporary, `${JSON.stringify(login, null, 2)}\n`, { mode: 0o600, flag: "wx" });
  renameSync(temporary, file);
}

/** Returns whether there was a saved login to remove. */
export function removeSavedLogin(file: string): boolean {
  if (!existsSync(file)) return false;
  rmSync(file);
  return true;
}

/** MMR_SERVER and MMR_TOKEN win over the saved login, each on its own (scripts and CI set them). */
export function resolveConnection(env: NodeJS.ProcessEnv = process.env): Connection {
  const saved = env.MMR_SERVER && env.MMR_TOKEN ? null : readSavedLogin(configPath(env));
  const server = env.MMR_SERVER || saved?.server;
  const token = env.MMR_TOKEN || saved?.token;
  if (!server || !token) {
    throw new CliError("Not logged in: run `mmr login --server URL --token TOKEN` (or set MMR_SERVER and MMR_TOKEN).");
  }
  return { server: normalizeServerUrl(server), token };
}

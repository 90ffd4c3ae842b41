import "server-only";
import path from "node:path";
import { createAuth, type Auth } from "@/server/auth/auth";
import { BlobStore } from "@/server/blobs/blob-store";
import { resolveAuthSecret } from "@/server/auth/auth-secret";
import { openDatabase, type Database, type DatabaseHandle } from "@/server/db/client";
import { readServerEnv, type ServerEnv } from "@/server/env";
import { RunSecrets } from "@/server/runs/run-secrets";

/** What request handlers and services need, created once per process (or per test). */
export interface AppDeps {
  db: Database;
  blobs: BlobStore;
  driver: DatabaseHandle["driver"];
  auth: Auth;
  env: ServerEnv;
  /** Seals and opens the credentials stored in run configs. */
  secrets: RunSecrets;
  close(): Promise<void>;
}

export async function createAppDeps(env: ServerEnv, handle?: DatabaseHandle): Promise<AppDeps> {
  const database = handle ?? (await openDatabase({ url: env.DATABASE_URL, dataDir: env.MMR_DATA_DIR }));
  const authSecret = resolveAuthSecret(env.MMR_AUTH_SECRET, env.MMR_DATA_DIR);
  const auth = createAuth({ db: database.db, secret: authSecret, baseURL: env.MMR_BASE_URL });
  const blobs = new BlobStore(env.MMR_BLOB_DIR ?? path.join(env.MMR_DATA_DIR, "blobs"));
  return { db: database.db, driver: database.driver, auth, blobs, env, secrets: new RunSecrets(authSecret), close: database.close };
}

// Next.js bundles route handlers and instrumentation separately; globalThis keeps one instance per
// process, which PGlite requires (a data directory may be opened by one instance only).
const holder = globalThis as typeof globalThis & { __mmrDeps?: Promise<AppDeps> };

export function getAppDeps(): Promise<AppDeps> {
  holder.__mmrDeps ??= createAppDeps(readServerEnv());
  return holder.__mmrDeps;
}

import { randomBytes } from "node:crypto";
import postgres from "postgres";

const adminUrl = process.env.MMR_BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

async function asAdmin(statement: string): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(statement);
  } finally {
    await admin.end();
  }
}

/** An empty database on the machine's Postgres, for one measurement; drop() removes it even with clients still connected. */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const name = `mmr_bench_${process.pid}_${randomBytes(4).toString("hex")}`;
  await asAdmin(`create database ${name}`);
  return {
    url: adminUrl.replace(/\/[^/]*$/, `/${name}`),
    drop: () => asAdmin(`drop database if exists ${name} with (force)`),
  };
}

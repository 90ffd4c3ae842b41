import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const installCommand = "apt-get install -y --no-install-recommends slurmctld slurmd slurm-client munge";
const requiredPrograms = ["/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/sbin/munged", "/usr/bin/sbatch", "/usr/bin/scontrol", "/usr/bin/sacct", "/usr/bin/scancel"];
// One machine has one Slurm (its daemons listen on fixed ports): test files that need it, such as this suite under
// both the PGlite and the Postgres project, take turns through this lock.
const lockFolder = path.join(tmpdir(), "mmr-single-node-slurm.lock");

export interface SingleNodeSlurm {
  /** The slurm.conf every Slurm command must be pointed at (SLURM_CONF). */
  conf: string;
  /** Cancels every job, stops the daemons, removes the state folder and lets the next test file have Slurm. */
  stop(): Promise<void>;
}

/** Starts a throw-away Slurm on this machine (root, no systemd), all its state in a fresh temporary folder. */
export async function startSingleNodeSlurm(lockWaitMs: number): Promise<SingleNodeSlurm> {
  const missing = requiredPrograms.filter((program) => !existsSync(program));
  if (missing.length > 0) throw new Error(`Slurm is not installed (missing ${missing.join(", ")}); install it with: ${installCommand}`);
  await takeLock(lockWaitMs);
  const state = mkdtempSync(path.join(tmpdir(), "mmr-slurm-"));
  const scripts = import.meta.dirname;
  const stop = async () => {
    try {
      await run("bash", [path.join(scripts, "slurm-down.sh")], { env: { ...process.env, STATE: state } });
      rmSync(state, { recursive: true, force: true });
    } finally {
      rmSync(lockFolder, { recursive: true, force: true });
    }
  };
  try {
    await run("bash", [path.join(scripts, "slurm-up.sh")], { env: { ...process.env, STATE: state } });
  } catch (error) {
    await stop();
    throw error;
  }
  return { conf: path.join(state, "slurm.conf"), stop };
}

/** mkdir is atomic: whoever creates the folder holds the lock. A holder that died without releasing it is taken over. */
async function takeLock(waitMs: number): Promise<void> {
  for (const deadline = Date.now() + waitMs; ; await new Promise((r) => setTimeout(r, 250))) {
    try {
      mkdirSync(lockFolder);
      writeFileSync(path.join(lockFolder, "pid"), String(process.pid));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    if (!holderAlive()) rmSync(lockFolder, { recursive: true, force: true });
    else if (Date.now() > deadline) throw new Error(`another test held the single-node Slurm for over ${waitMs} ms (lock ${lockFolder})`);
  }
}

function holderAlive(): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(path.join(lockFolder, "pid"), "utf8"));
  } catch {
    return true; // the holder has made the folder but not yet written its pid
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

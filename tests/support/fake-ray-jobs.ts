import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

type JobStatus = "PENDING" | "RUNNING" | "STOPPED" | "SUCCEEDED" | "FAILED";

/** A job as the fake holds it; tests read these to see what was submitted and whether a stop reached it. */
export interface FakeRayJob {
  submissionId: string;
  entrypoint: string;
  envVars: Record<string, string>;
  status: JobStatus;
  message: string;
  logs: string;
  stopRequested: boolean;
  /** The process group of the entrypoint's shell. */
  processGroup: number;
}

export interface FakeRayJobsServer {
  /** `http://127.0.0.1:<port>`, as a dashboard address (`http://HEAD:8265`). */
  url: string;
  jobs: Map<string, FakeRayJob>;
  close(): Promise<void>;
}

/** Ray waits this long after SIGTERM before SIGKILL when stopping a job (its RAY_JOB_STOP_WAIT_TIME_S is 3 s). */
const stopWaitMs = 3_000;

/**
 * A stand-in for a Ray head node's Jobs REST API (submit, status, logs, stop), answering with the documented shapes.
 * It really runs each entrypoint with bash, in its own process group, here; stdout and stderr go into one log, as
 * Ray's driver log does. Ends every job's process group on close.
 */
export async function startFakeRayJobs(): Promise<FakeRayJobsServer> {
  const jobs = new Map<string, FakeRayJob>();
  const server = createServer((request, response) => {
    route(jobs, request, response).catch((error: unknown) => reply(response, 500, String(error)));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    jobs,
    close: async () => {
      for (const job of jobs.values()) signalGroup(job.processGroup, "SIGKILL");
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

async function route(jobs: Map<string, FakeRayJob>, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const { pathname } = new URL(request.url ?? "/", "http://fake-ray");
  const [, api, resource, id, action] = pathname.split("/").map(decodeURIComponent);
  if (api !== "api" || resource !== "jobs") return reply(response, 404, `no route ${pathname}`);
  if (request.method === "POST" && !id) return submit(jobs, JSON.parse(await readBody(request)) as SubmitRequest, response);
  const job = jobs.get(id);
  if (!job) return reply(response, 404, `Job ${id} does not exist`);
  if (request.method === "GET" && !action)
    return reply(response, 200, { submission_id: job.submissionId, job_id: null, type: "SUBMISSION", entrypoint: job.entrypoint, status: job.status, message: job.message });
  if (request.method === "GET" && action === "logs") return reply(response, 200, { logs: job.logs });
  if (request.method === "POST" && action === "stop") return reply(response, 200, { stopped: stop(job) });
  reply(response, 404, `no route ${request.method} ${pathname}`);
}

interface SubmitRequest {
  entrypoint: string;
  submission_id?: string;
  runtime_env?: { env_vars?: Record<string, string> };
}

function submit(jobs: Map<string, FakeRayJob>, body: SubmitRequest, response: ServerResponse): void {
  const submissionId = body.submission_id ?? `raysubmit_${Math.random().toString(36).slice(2, 18)}`;
  if (jobs.has(submissionId)) return reply(response, 400, `Job with submission_id ${submissionId} already exists. Please use a different submission_id.`);
  const envVars = body.runtime_env?.env_vars ?? {};
  const child = spawn("bash", ["-c", body.entrypoint], { env: { ...process.env, ...envVars }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const job: FakeRayJob = { submissionId, entrypoint: body.entrypoint, envVars, status: "PENDING", message: "Job has not started yet.", logs: "", stopRequested: false, processGroup: child.pid! };
  jobs.set(submissionId, job);
  follow(job, child);
  reply(response, 200, { submission_id: submissionId, job_id: submissionId });
}

function follow(job: FakeRayJob, child: ChildProcess): void {
  const append = (chunk: string) => (job.logs += chunk);
  child.stdout!.setEncoding("utf8").on("data", append);
  child.stderr!.setEncoding("utf8").on("data", append);
  child.once("spawn", () => {
    job.status = "RUNNING";
    job.message = "Job is currently running.";
  });
  // "close", not "exit": the log is complete only once both outputs are read to the end.
  child.once("close", (code, signal) => {
    if (job.stopRequested) {
      job.status = "STOPPED";
      job.message = "Job was intentionally stopped.";
    } else if (code === 0) {
      job.status = "SUCCEEDED";
      job.message = "Job finished successfully.";
    } else {
      // Ray reports Python's return code: a negative one for a process ended by a signal.
      const returnCode = code ?? -(signal === "SIGKILL" ? 9 : 15);
      job.status = "FAILED";
      job.message = `Job entrypoint command failed with exit code ${returnCode}, last available logs (truncated to 20,000 chars):\n${job.logs.slice(-20_000)}`;
    }
  });
}

/** SIGTERM to the job's group, SIGKILL after Ray's wait; false when the job had already ended. */
function stop(job: FakeRayJob): boolean {
  if (job.status !== "PENDING" && job.status !== "RUNNING") return false;
  job.stopRequested = true;
  signalGroup(job.processGroup, "SIGTERM");
  setTimeout(() => signalGroup(job.processGroup, "SIGKILL"), stopWaitMs).unref();
  return true;
}

function signalGroup(processGroup: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-processGroup, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of request.setEncoding("utf8")) body += chunk as string;
  return body;
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  const json = status === 200;
  response.writeHead(status, { "content-type": json ? "application/json" : "text/plain; charset=utf-8" });
  response.end(json ? JSON.stringify(body) : String(body));
}

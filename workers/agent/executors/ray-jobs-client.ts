/** A Ray job's lifecycle states, as the Ray Jobs REST API reports them. */
export type RayJobStatus = "PENDING" | "RUNNING" | "STOPPED" | "SUCCEEDED" | "FAILED";

export const finalRayJobStatuses: ReadonlySet<RayJobStatus> = new Set(["STOPPED", "SUCCEEDED", "FAILED"]);

export interface RayJobSubmission {
  /** The shell command the job runs (on the cluster's head node). */
  entrypoint: string;
  submissionId: string;
  envVars: Record<string, string>;
}

/** The fields of `GET /api/jobs/{id}` this agent reads. */
export interface RayJobInfo {
  status: RayJobStatus;
  /** Why the job is in its state: for a failed one, "Job entrypoint command failed with exit code N, …". */
  message: string | null;
}

/** How long one call to the Ray dashboard may take: a head node under load answers slowly, never this slowly. */
const requestTimeoutMs = 30_000;

/**
 * The Ray Jobs REST API of one cluster (the dashboard, `http://HEAD:8265`): submit, status, logs, stop. Each call
 * throws on a network failure or a non-2xx answer, naming the call and quoting what the dashboard said.
 */
export class RayJobsClient {
  private readonly address: string;

  constructor(address: string) {
    this.address = address.replace(/\/+$/, "");
  }

  async submit(job: RayJobSubmission): Promise<string> {
    // The trailing slash is part of Ray's route for submitting.
    const reply = await this.request<{ submission_id?: string; job_id?: string }>("POST", "/api/jobs/", {
      entrypoint: job.entrypoint,
      submission_id: job.submissionId,
      runtime_env: { env_vars: job.envVars },
    });
    return reply.submission_id ?? reply.job_id ?? job.submissionId;
  }

  async info(submissionId: string): Promise<RayJobInfo> {
    const reply = await this.request<{ status: RayJobStatus; message?: string | null }>("GET", `/api/jobs/${encodeURIComponent(submissionId)}`);
    return { status: reply.status, message: reply.message ?? null };
  }

  /** Everything the job has printed so far (its driver log: stdout and stderr together). */
  async logs(submissionId: string): Promise<string> {
    return (await this.request<{ logs: string }>("GET", `/api/jobs/${encodeURIComponent(submissionId)}/logs`)).logs;
  }

  /** Asks Ray to stop the job (Ray sends SIGTERM, then SIGKILL after its own wait); false when it had already ended. */
  async stop(submissionId: string): Promise<boolean> {
    return (await this.request<{ stopped: boolean }>("POST", `/api/jobs/${encodeURIComponent(submissionId)}/stop`)).stopped;
  }

  private async request<T>(method: "GET" | "POST", route: string, body?: unknown): Promise<T> {
    const url = this.address + route;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(requestTimeoutMs),
      });
    } catch (error) {
      throw new Error(`Ray dashboard ${method} ${url}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    const text = await response.text();
    if (!response.ok) throw new Error(`Ray dashboard ${method} ${url} answered HTTP ${response.status}: ${text.slice(0, 500)}`);
    return JSON.parse(text) as T;
  }
}

import "server-only";
import type { Database } from "@/server/db/client";
import { findEndpoint } from "@/server/endpoints/endpoints";
import { DomainError } from "@/server/errors";
import { enqueueRun, type Run } from "@/server/runs/queue";
import { judgeJobConfigSchema, type CascadeStage, type JudgeTarget } from "./judge-config";
import { describeTarget } from "./judge-items";
import { resolveTemplate } from "./judge-templates";

export interface StartJudgeInput {
  projectId: string;
  target: JudgeTarget;
  cascade: CascadeStage[];
  /** An endpoint's id or name; needed when the cascade has the llm stage. */
  endpoint?: string;
  templateId?: string;
  name?: string;
  createdBy: string | null;
}

/** Queues a `judge` run after checking that its target, endpoint and template exist in the project. */
export async function startJudgeRun(db: Database, input: StartJudgeInput): Promise<Run> {
  const targetName = await describeTarget(db, input.projectId, input.target);
  const usesJudge = input.cascade.includes("llm");
  if (usesJudge && !input.endpoint) throw new DomainError("BAD_REQUEST", "The llm stage needs a model endpoint: name one (see Settings → Model endpoints).");
  if (!usesJudge && input.endpoint) throw new DomainError("BAD_REQUEST", "An endpoint was named but the cascade has no llm stage: add llm to the cascade.");
  const endpoint = usesJudge ? await findEndpoint(db, input.projectId, input.endpoint!) : null;
  const template = usesJudge ? await resolveTemplate(db, input.projectId, input.templateId) : null;
  const config = judgeJobConfigSchema.parse({ target: input.target, cascade: input.cascade, endpointId: endpoint?.id, templateId: template?.id });
  const judgedBy = endpoint ? ` with ${endpoint.name}` : "";
  return enqueueRun(db, {
    projectId: input.projectId,
    kind: "judge",
    name: input.name?.trim() || `Judge ${targetName}: ${input.cascade.join(" → ")}${judgedBy}`,
    config,
    resumable: true,
    createdBy: input.createdBy,
  });
}

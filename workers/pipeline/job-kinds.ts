import { exportJob } from "@/server/datasets/export/export-job";
import { importJob } from "@/server/datasets/import-job";
import { seedDemoJob } from "@/server/demo/seed-demo-job";
import { evalImportJob } from "@/server/evaluations/eval-import-job";
import type { JobHandler } from "@/server/runs/job-handler";
import { judgeJob } from "@/server/verdicts/judge-job";

// Every CPU job kind the pipeline runner executes.
export const pipelineJobHandlers: JobHandler[] = [seedDemoJob, importJob, exportJob, evalImportJob, judgeJob];

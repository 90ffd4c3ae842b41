import "server-only";
import { z } from "zod";
import { updateProject } from "@/server/projects/projects";
import { defineJobHandler, type JobContext } from "@/server/runs/job-handler";
import { storeDemoDataset } from "./demo-dataset/store-demo-dataset";

interface DemoStep {
  title: string;
  seed(projectId: string, context: JobContext): Promise<void>;
}

const demoDescription =
  "A small workspace to explore MMR Studio: the OpenMMReasoner recipe from datasets through SFT and RL runs to evaluation tables.";

// Each domain that has demo content adds a step here; the job reports progress step by step.
const demoSteps: DemoStep[] = [
  {
    title: "Describe the demo project",
    seed: async (projectId, { deps: { db } }) => {
      await updateProject(db, projectId, { description: demoDescription });
    },
  },
  {
    title: "Generate the demo dataset",
    seed: async (projectId, context) => {
      const stored = await storeDemoDataset(projectId, context);
      if (stored) await context.log(`The demo dataset holds ${stored.sampleCount} samples.`);
    },
  },
];

export const seedDemoJob = defineJobHandler({
  kind: "seed-demo",
  configSchema: z.object({}).strict(),
  async execute(_config, context) {
    const done: string[] = [];
    for (const [index, step] of demoSteps.entries()) {
      context.signal.throwIfAborted();
      context.reportProgress(index / demoSteps.length, step.title);
      await context.log(`Step ${index + 1}/${demoSteps.length}: ${step.title}`);
      // A step reports its own progress as a fraction of its share of the job.
      const reportProgress = (fraction: number, message?: string) => context.reportProgress((index + fraction) / demoSteps.length, message);
      await step.seed(context.run.projectId, { ...context, reportProgress });
      done.push(step.title);
    }
    context.reportProgress(1, "Demo workspace ready");
    return { steps: done };
  },
});

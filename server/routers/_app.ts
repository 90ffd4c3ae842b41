import "server-only";
import { createCallerFactory, router } from "@/server/trpc/init";
import { agentRouter } from "./agent";
import { datasetExportsRouter } from "./dataset-exports";
import { datasetVersionsRouter } from "./dataset-versions";
import { datasetsRouter } from "./datasets";
import { endpointsRouter } from "./endpoints";
import { evaluationsRouter } from "./evaluations";
import { instanceRouter } from "./instance";
import { judgeRunsRouter } from "./judge-runs";
import { leaderboardRouter } from "./leaderboard";
import { meRouter } from "./me";
import { membersRouter } from "./members";
import { projectsRouter } from "./projects";
import { recipesRouter } from "./recipes";
import { runImportsRouter } from "./run-imports";
import { runsRouter } from "./runs";
import { samplesRouter } from "./samples";
import { tokensRouter } from "./tokens";
import { workersRouter } from "./workers";

export const appRouter = router({
  agent: agentRouter,
  datasetExports: datasetExportsRouter,
  datasets: datasetsRouter,
  datasetVersions: datasetVersionsRouter,
  endpoints: endpointsRouter,
  evaluations: evaluationsRouter,
  instance: instanceRouter,
  leaderboard: leaderboardRouter,
  me: meRouter,
  members: membersRouter,
  projects: projectsRouter,
  recipes: recipesRouter,
  runs: router({ ...runsRouter._def.record, ...runImportsRouter._def.record }),
  samples: samplesRouter,
  tokens: tokensRouter,
  verdicts: judgeRunsRouter,
  workers: workersRouter,
});

export type AppRouter = typeof appRouter;

/** Server components and tests call procedures directly through this, with a context they build. */
export const createCaller = createCallerFactory(appRouter);

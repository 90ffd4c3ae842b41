import { listWorkers } from "@/server/agents/workers";
import { projectProcedure, router } from "@/server/trpc/init";

export const workersRouter = router({
  list: projectProcedure("viewer").query(({ ctx }) => listWorkers(ctx.deps.db, ctx.project.id)),
});

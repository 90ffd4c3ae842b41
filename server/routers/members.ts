import { z } from "zod";
import { listPendingInvitations, revokeInvitation } from "@/server/projects/invitations";
import { inviteMember, listMembers, removeMember, setMemberRole } from "@/server/projects/members";
import { projectRoles } from "@/server/projects/roles";
import { projectProcedure, router } from "@/server/trpc/init";

const role = z.enum(projectRoles);

export const membersRouter = router({
  list: projectProcedure("viewer").query(({ ctx }) => listMembers(ctx.deps.db, ctx.project.id)),
  invitations: projectProcedure("admin").query(({ ctx }) => listPendingInvitations(ctx.deps.db, ctx.project.id)),
  invite: projectProcedure("admin")
    .input(z.object({ email: z.email("Enter a valid email address."), role }))
    .mutation(({ ctx, input }) =>
      inviteMember(ctx.deps.db, { projectId: ctx.project.id, email: input.email, role: input.role, invitedBy: ctx.actor.userId }),
    ),
  revokeInvitation: projectProcedure("admin")
    .input(z.object({ invitationId: z.uuid() }))
    .mutation(({ ctx, input }) => revokeInvitation(ctx.deps.db, ctx.project.id, input.invitationId)),
  setRole: projectProcedure("admin")
    .input(z.object({ userId: z.string(), role }))
    .mutation(({ ctx, input }) => setMemberRole(ctx.deps.db, ctx.project.id, input.userId, input.role)),
  remove: projectProcedure("admin")
    .input(z.object({ userId: z.string() }))
    .mutation(({ ctx, input }) => removeMember(ctx.deps.db, ctx.project.id, input.userId)),
});

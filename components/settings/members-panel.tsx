"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useCurrentProject } from "@/components/shell/app-shell";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorMessage, SelectField, TextField } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { projectRoles, type ProjectRole } from "@/server/projects/roles";
import { SecretReveal } from "./secret-reveal";

export function MembersPanel() {
  const project = useCurrentProject();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const isAdmin = project.role === "admin";
  const members = useQuery(trpc.members.list.queryOptions({ project: project.slug }));
  const invitations = useQuery({ ...trpc.members.invitations.queryOptions({ project: project.slug }), enabled: isAdmin });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.members.pathKey() });
  const setRole = useMutation(trpc.members.setRole.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.members.remove.mutationOptions({ onSuccess: refresh }));

  return (
    <Panel title="Members">
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-zinc-500">
          <tr>
            <th className="py-1.5 font-medium">Email</th>
            <th className="py-1.5 font-medium">Role</th>
            <th />
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {members.data?.map((m) => (
            <tr key={m.userId}>
              <td className="py-2">{m.email}</td>
              <td className="py-2">
                {isAdmin ? (
                  <select
                    aria-label={`Role of ${m.email}`}
                    value={m.role}
                    onChange={(e) => setRole.mutate({ project: project.slug, userId: m.userId, role: e.target.value as ProjectRole })}
                    className="rounded border border-zinc-300 bg-transparent px-1.5 py-0.5 text-sm dark:border-zinc-700"
                  >
                    {projectRoles.map((r) => (
                      <option key={r}>{r}</option>
                    ))}
                  </select>
                ) : (
                  m.role
                )}
              </td>
              <td className="py-2 text-right">
                {isAdmin && (
                  <Button variant="ghost" onClick={() => remove.mutate({ project: project.slug, userId: m.userId })}>
                    Remove
                  </Button>
                )}
              </td>
            </tr>
          ))}
          {invitations.data?.map((i) => (
            <tr key={i.id} className="text-zinc-500">
              <td className="py-2">{i.email}</td>
              <td className="py-2">{i.role} · invited</td>
              <td />
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorMessage error={setRole.error ?? remove.error} />
      {isAdmin && <InviteForm onInvited={refresh} />}
    </Panel>
  );
}

function InviteForm({ onInvited }: { onInvited: () => void }) {
  const project = useCurrentProject();
  const trpc = useTRPC();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<ProjectRole>("member");
  const invite = useMutation(trpc.members.invite.mutationOptions({ onSuccess: onInvited }));
  const link =
    invite.data?.status === "invited" && typeof window !== "undefined"
      ? `${window.location.origin}/sign-up?invite=${invite.data.token}`
      : null;
  return (
    <form
      className="mt-4 flex flex-wrap items-end gap-2 border-t border-zinc-200 pt-4 dark:border-zinc-800"
      onSubmit={(e) => {
        e.preventDefault();
        invite.mutate({ project: project.slug, email, role });
      }}
    >
      <div className="w-72">
        <TextField label="Invite by email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </div>
      <div className="w-32">
        <SelectField label="Role" value={role} onChange={(e) => setRole(e.target.value as ProjectRole)}>
          {projectRoles.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </SelectField>
      </div>
      <Button type="submit" disabled={invite.isPending}>
        Invite
      </Button>
      <div className="basis-full">
        <ErrorMessage error={invite.error} />
        {invite.data?.status === "added" && <p className="text-sm text-emerald-600">Added: that account already existed.</p>}
        {link && <SecretReveal label="Send this single-use sign-up link (valid 7 days):" secret={link} />}
      </div>
    </form>
  );
}

"use client";
import { useQuery } from "@tanstack/react-query";
import { useCurrentProject } from "@/components/shell/app-shell";
import { EndpointsPanel } from "@/components/endpoints/endpoints-panel";
import { useTRPC } from "@/components/trpc/client";
import { PageHeader } from "@/components/ui/page-header";
import { InstancePanel } from "./instance-panel";
import { MembersPanel } from "./members-panel";
import { PersonalTokensPanel } from "./personal-tokens-panel";
import { WorkerTokensPanel } from "./worker-tokens-panel";

export function SettingsPage() {
  const project = useCurrentProject();
  const trpc = useTRPC();
  const me = useQuery(trpc.me.get.queryOptions());
  const isProjectAdmin = project.role === "admin";
  return (
    <>
      <PageHeader title="Settings" description={`Members, roles, model endpoints and tokens of ${project.name}. Your role here: ${project.role}.`} />
      <div className="space-y-4">
        <MembersPanel />
        <EndpointsPanel />
        {isProjectAdmin && <WorkerTokensPanel />}
        <PersonalTokensPanel />
        {me.data?.isAdmin && <InstancePanel />}
      </div>
    </>
  );
}

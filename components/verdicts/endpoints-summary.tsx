"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { Panel } from "@/components/ui/panel";

/** The project's model endpoints, read-only: Settings owns editing them. */
export function EndpointsSummary({ project }: { project: string }) {
  const trpc = useTRPC();
  const endpoints = useQuery(trpc.endpoints.list.queryOptions({ project }));
  const settings = (
    <Link className="text-sm text-blue-700 hover:underline dark:text-blue-400" href={`/p/${project}/settings`}>
      Edit in Settings
    </Link>
  );
  return (
    <Panel title="Model endpoints" action={settings}>
      {endpoints.data && endpoints.data.length === 0 && <p className="text-sm text-zinc-500">No endpoints: the LLM stage needs one.</p>}
      <ul className="space-y-1 text-sm">
        {endpoints.data?.map((e) => (
          <li key={e.id}>
            <span className="font-medium">{e.name}</span> <span className="text-zinc-500">{e.model} · {e.baseUrl}</span>
          </li>
        ))}
      </ul>
    </Panel>
  );
}

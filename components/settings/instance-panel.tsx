"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import { ErrorMessage } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";

export function InstancePanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.instance.settings.queryOptions());
  const toggle = useMutation(
    trpc.instance.setSignUpOpen.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.instance.pathKey() }) }),
  );
  return (
    <Panel title="Instance (administrators)">
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={settings.data?.signUpOpen ?? false}
          disabled={!settings.data || toggle.isPending}
          onChange={(e) => toggle.mutate({ open: e.target.checked })}
        />
        Anyone may create an account (otherwise only invited people can sign up)
      </label>
      <ErrorMessage error={toggle.error} />
    </Panel>
  );
}

import type { RouterOutputs } from "@/components/trpc/client";

type RunState = RouterOutputs["runs"]["get"]["state"];

const colours: Record<RunState, string> = {
  queued: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  claimed: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300",
  running: "bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-300",
  succeeded: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  failed: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
  cancelled: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  lost: "bg-fuchsia-100 text-fuchsia-800 dark:bg-fuchsia-950 dark:text-fuchsia-300",
};

export const activeRunStates: RunState[] = ["queued", "claimed", "running"];

export function RunStateBadge({ state }: { state: RunState }) {
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${colours[state]}`}>{state}</span>;
}

export function ProgressBar({ value, label }: { value: number | null; label?: string }) {
  const percent = Math.round((value ?? 0) * 100);
  return (
    <div className="flex items-center gap-2" role="progressbar" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100} aria-label={label ?? "Progress"}>
      <div className="h-1.5 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800">
        <div className="h-full rounded-full bg-indigo-500 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <span className="w-9 text-right text-xs tabular-nums text-zinc-500">{percent}%</span>
    </div>
  );
}

import type { RouterOutputs } from "@/components/trpc/client";

type Worker = RouterOutputs["workers"]["list"][number];

export interface GpuUsage {
  index: number;
  name: string;
  memoryMb: number;
  /** Null until the agent's first heartbeat reports this GPU. */
  utilizationPercent: number | null;
  memoryUsedMb: number | null;
}

/** The GPUs as registered (name, memory) joined with the latest heartbeat's utilisation and memory in use, by index. */
export function gpuUsageOf(worker: Pick<Worker, "gpus" | "gpuStatus">): GpuUsage[] {
  const gpus = (Array.isArray(worker.gpus) ? worker.gpus : []) as { index: number; name: string; memoryMb: number }[];
  const status = new Map(((Array.isArray(worker.gpuStatus) ? worker.gpuStatus : []) as { index: number; utilizationPercent: number; memoryUsedMb: number }[]).map((s) => [s.index, s]));
  return gpus.map((gpu) => ({
    ...gpu,
    utilizationPercent: status.get(gpu.index)?.utilizationPercent ?? null,
    memoryUsedMb: status.get(gpu.index)?.memoryUsedMb ?? null,
  }));
}

export function formatGiB(mb: number): string {
  return `${(mb / 1024).toLocaleString("en", { maximumFractionDigits: 1 })} GiB`;
}

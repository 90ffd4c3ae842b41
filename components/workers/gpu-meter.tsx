import { formatGiB, type GpuUsage } from "./gpu-usage";

function Bar({ label, percent, text, colour }: { label: string; percent: number | null; text: string; colour: string }) {
  const shown = percent === null ? 0 : Math.round(Math.min(100, Math.max(0, percent)));
  return (
    <div className="flex items-center gap-2 text-xs">
      <span className="w-10 shrink-0 text-zinc-500">{label}</span>
      <div
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent === null ? undefined : shown}
        aria-valuetext={text}
        className="h-1.5 flex-1 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        <div className={`h-full rounded-full ${colour} transition-[width]`} style={{ width: `${shown}%` }} />
      </div>
      <span className="w-36 shrink-0 text-right tabular-nums text-zinc-600 dark:text-zinc-300">{text}</span>
    </div>
  );
}

/** One GPU: its utilisation and the memory in use, as of the latest heartbeat. */
export function GpuMeter({ gpu }: { gpu: GpuUsage }) {
  const memoryPercent = gpu.memoryUsedMb === null || gpu.memoryMb === 0 ? null : (gpu.memoryUsedMb / gpu.memoryMb) * 100;
  return (
    <li className="space-y-1" aria-label={`GPU ${gpu.index}`}>
      <p className="text-xs">
        <span className="font-mono text-zinc-500">GPU {gpu.index}</span> {gpu.name}
      </p>
      <Bar label="util" percent={gpu.utilizationPercent} text={gpu.utilizationPercent === null ? "not reported" : `${Math.round(gpu.utilizationPercent)}%`} colour="bg-indigo-500" />
      <Bar
        label="memory"
        percent={memoryPercent}
        text={gpu.memoryUsedMb === null ? "not reported" : `${formatGiB(gpu.memoryUsedMb)} / ${formatGiB(gpu.memoryMb)}`}
        colour="bg-emerald-500"
      />
    </li>
  );
}

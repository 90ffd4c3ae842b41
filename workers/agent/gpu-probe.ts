import { execFile } from "node:child_process";

export interface GpuReading {
  index: number;
  name: string;
  memoryMb: number;
  utilizationPercent: number;
  memoryUsedMb: number;
}

/** Reads the machine's GPUs; injectable so tests can give an agent GPUs it does not have. */
export type GpuProbe = () => Promise<GpuReading[]>;

export const nvidiaSmiQuery = ["--query-gpu=index,name,memory.total,utilization.gpu,memory.used", "--format=csv,noheader,nounits"];

/**
 * Parses `nvidia-smi --query-gpu=index,name,memory.total,utilization.gpu,memory.used --format=csv,noheader,nounits`.
 * A field nvidia-smi cannot read prints as `[N/A]` or `[Not Supported]` (utilisation on some MIG setups): it reads as 0.
 * The GPU name may itself hold commas, so the fields are counted from both ends.
 */
export function parseNvidiaSmiCsv(text: string): GpuReading[] {
  const readings: GpuReading[] = [];
  for (const line of text.split("\n")) {
    const fields = line.split(",").map((f) => f.trim());
    if (fields.length < 5) continue;
    const index = Number(fields[0]);
    if (!Number.isInteger(index) || index < 0) continue;
    const [memoryTotal, utilization, memoryUsed] = fields.slice(-3).map(numberOrZero);
    readings.push({
      index,
      name: fields.slice(1, -3).join(", "),
      memoryMb: memoryTotal,
      utilizationPercent: Math.min(100, utilization),
      memoryUsedMb: memoryUsed,
    });
  }
  return readings;
}

function numberOrZero(field: string): number {
  const value = Number(field);
  return Number.isFinite(value) && value >= 0 ? value : 0;
}

/**
 * The GPUs nvidia-smi (found on PATH) reports. No nvidia-smi, or one that fails (no driver loaded), means no GPUs:
 * the machine can still take runs that need none.
 */
export function probeNvidiaSmi(command = "nvidia-smi"): Promise<GpuReading[]> {
  return new Promise((resolve) => {
    execFile(command, nvidiaSmiQuery, { timeout: 15_000 }, (error, stdout) => resolve(error ? [] : parseNvidiaSmiCsv(stdout)));
  });
}

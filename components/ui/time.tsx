"use client";

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const steps: [Intl.RelativeTimeFormatUnit, number][] = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 30],
  ["month", 12],
  ["year", Infinity],
];

export function timeAgo(date: Date, now = Date.now()): string {
  let value = (date.getTime() - now) / 1000;
  for (const [unit, size] of steps) {
    if (Math.abs(value) < size) return relative.format(Math.round(value), unit);
    value /= size;
  }
  return date.toISOString();
}

export function TimeAgo({ date }: { date: Date | null | undefined }) {
  if (!date) return <span className="text-zinc-400">—</span>;
  return <time dateTime={date.toISOString()} title={date.toLocaleString()}>{timeAgo(date)}</time>;
}

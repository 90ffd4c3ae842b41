"use client";
import { useMemo } from "react";
import { SafeMarkdown } from "./safe-markdown";
import { splitTrace, type TraceSection } from "./trace-sections";

const sectionStyle: Record<TraceSection["kind"], { label: string; box: string; heading: string }> = {
  think: {
    label: "Thinking",
    box: "border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-950",
    heading: "text-zinc-500",
  },
  answer: {
    label: "Answer",
    box: "border-emerald-200 bg-emerald-50/60 dark:border-emerald-900 dark:bg-emerald-950/40",
    heading: "text-emerald-700 dark:text-emerald-400",
  },
  text: { label: "", box: "border-transparent", heading: "" },
};

/**
 * A reasoning trace (or any model output): `<think>` and `<answer>` as labelled sections, the rest as markdown with
 * LaTeX. Everything is rendered as untrusted text.
 */
export function TraceView({ trace }: { trace: string }) {
  const sections = useMemo(() => splitTrace(trace), [trace]);
  if (sections.length === 0) return <p className="text-sm text-zinc-500">The trace is empty.</p>;
  return (
    <div className="space-y-3">
      {sections.map((section, index) => {
        const style = sectionStyle[section.kind];
        if (section.kind === "text") return <SafeMarkdown key={index} text={section.content} />;
        return (
          <section key={index} aria-label={style.label} className={`rounded-md border px-3 py-2 ${style.box}`}>
            <h3 className={`mb-1 text-xs font-semibold uppercase tracking-wide ${style.heading}`}>
              {style.label}
              {!section.closed && <span className="ml-2 font-normal normal-case tracking-normal">(not closed: the trace stops here)</span>}
            </h3>
            {section.content ? <SafeMarkdown text={section.content} /> : <p className="text-sm text-zinc-500">(empty)</p>}
          </section>
        );
      })}
    </div>
  );
}

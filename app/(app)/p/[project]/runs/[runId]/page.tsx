import { notFound } from "next/navigation";
import { RunDetail } from "@/components/runs/run-detail";

export default async function RunPage({ params }: { params: Promise<{ runId: string }> }) {
  const runId = Number((await params).runId);
  if (!Number.isSafeInteger(runId) || runId <= 0) notFound();
  return <RunDetail runId={runId} />;
}

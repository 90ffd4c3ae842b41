import { notFound } from "next/navigation";
import { isUuid } from "@/components/leaderboard/routes";
import { EvaluationSampleView } from "@/components/evaluations/evaluation-sample-view";

export const metadata = { title: "Evaluation sample" };

export default async function Page({ params }: { params: Promise<{ evaluationId: string; sampleId: string }> }) {
  const { evaluationId, sampleId } = await params;
  const id = Number(sampleId);
  if (!isUuid(evaluationId) || !Number.isSafeInteger(id) || id <= 0) notFound();
  return <EvaluationSampleView evaluationId={evaluationId} sampleId={id} />;
}

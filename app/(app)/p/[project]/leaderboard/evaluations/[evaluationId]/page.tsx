import { notFound } from "next/navigation";
import { isUuid } from "@/components/leaderboard/routes";
import { EvaluationDetail } from "@/components/evaluations/evaluation-detail";

export const metadata = { title: "Evaluation" };

export default async function Page({ params }: { params: Promise<{ evaluationId: string }> }) {
  const { evaluationId } = await params;
  if (!isUuid(evaluationId)) notFound();
  return <EvaluationDetail evaluationId={evaluationId} />;
}

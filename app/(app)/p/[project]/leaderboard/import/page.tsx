import { EvaluationImportPage } from "@/components/evaluations/evaluation-import-page";

export const metadata = { title: "Import results" };

export default function Page() {
  return <EvaluationImportPage />;
}

import { ComparePage } from "@/components/evaluations/compare-page";

export const metadata = { title: "Compare models" };

export default function Page() {
  return <ComparePage />;
}

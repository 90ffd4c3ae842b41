import { ComparePage } from "@/components/runs/compare/compare-page";

export const metadata = { title: "Compare runs" };

export default function Page() {
  return <ComparePage />;
}

import { JudgePage } from "@/components/verdicts/judge-page";

export const metadata = { title: "Judge" };

export default function Page() {
  return <JudgePage />;
}

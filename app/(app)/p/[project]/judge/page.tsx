import { AreaIntro } from "@/components/shell/area-placeholder";

export const metadata = { title: "Judge" };

export default function Page() {
  return (
    <AreaIntro
      title="Judge"
      description="Verdicts of the reward cascade (exact match, math equivalence, LLM judge), sample by sample."
      emptyTitle="No verdicts yet."
      next="Verdicts appear once evaluation samples or rollouts are imported into this project."
    />
  );
}

"use client";
import Link from "next/link";
import { LoadPaperTableButton } from "@/components/leaderboard/load-paper-table-button";
import { leaderboardHref } from "@/components/leaderboard/routes";
import { useCurrentProject } from "@/components/shell/app-shell";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { EvalOutputImport } from "./eval-output-import";
import { EvaluationList } from "./evaluation-list";
import { ResultsTableImport } from "./results-table-import";

/** Everything that fills the leaderboard: lmms-eval outputs, any paper's CSV table, the OpenMMReasoner paper's table. */
export function EvaluationImportPage() {
  const project = useCurrentProject();
  const canImport = project.role !== "viewer";
  return (
    <>
      <Link href={leaderboardHref(project.slug)} className="text-sm text-indigo-600 hover:underline dark:text-indigo-400">
        ← Leaderboard
      </Link>
      <PageHeader title="Import results" description="Evaluation outputs become leaderboard rows you can drill into; tables from papers become reference rows." />
      <div className="space-y-4">
        {canImport ? (
          <>
            <div id="lmms-eval" className="scroll-mt-6">
              <Panel title="lmms-eval output">
                <EvalOutputImport project={project.slug} />
              </Panel>
            </div>
            <div id="table" className="scroll-mt-6">
              <Panel title="Results table (CSV)">
                <ResultsTableImport project={project.slug} />
              </Panel>
            </div>
            <Panel title="OpenMMReasoner paper table">
              <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
                The paper&apos;s 7B comparison (nine models × twelve benchmarks, † kept) as reference rows. Loading it again replaces its figures.
              </p>
              <LoadPaperTableButton project={project.slug} variant="secondary" />
            </Panel>
          </>
        ) : (
          <EmptyState title="Viewers cannot import.">Ask a member or an admin of this project to import evaluation results.</EmptyState>
        )}
        <Panel title="Imported evaluations">
          <EvaluationList project={project.slug} />
        </Panel>
      </div>
    </>
  );
}

"use client";
import { useCurrentProject } from "@/components/shell/app-shell";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { DatasetTable } from "./dataset-table";

export function DatasetsPage() {
  const project = useCurrentProject();
  return (
    <>
      <PageHeader
        title="Datasets"
        description="SFT and RL datasets of this project: import, browse, curate and freeze versions."
        action={
          project.role !== "viewer" && (
            <ButtonLink href={`/p/${project.slug}/datasets/import`}>Import data</ButtonLink>
          )
        }
      />
      <Panel title="All datasets">
        <DatasetTable />
      </Panel>
    </>
  );
}

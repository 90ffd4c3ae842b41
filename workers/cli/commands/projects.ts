import type { Command } from "commander";
import { createMmrClient } from "../client";
import { resolveConnection } from "../config";
import { jsonOptionHelp, printList, type Column } from "../output";

type ProjectRow = { slug: string; name: string; role: string };

const projectColumns: Column<ProjectRow>[] = [
  { header: "SLUG", value: (project) => project.slug },
  { header: "NAME", value: (project) => project.name },
  { header: "ROLE", value: (project) => project.role },
];

/** Projects: list (later issues add more verbs to this group). */
export function registerProjectsCommands(program: Command): void {
  const projects = program.command("projects").description("the projects you belong to");

  projects
    .command("list")
    .description("list your projects and your role in each")
    .option("--json", jsonOptionHelp)
    .action(async (options: { json?: boolean }) => {
      const rows = await createMmrClient(resolveConnection()).projects.list.query();
      printList(rows, projectColumns, { json: options.json, emptyMessage: "You are not a member of any project yet." });
    });
}

import { ProjectOverview } from "@/components/dashboard/project-overview";

export default function ProjectHomePage() {
  return <ProjectOverview />;
}

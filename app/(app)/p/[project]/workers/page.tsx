import { WorkersPage } from "@/components/workers/workers-page";

export const metadata = { title: "Workers" };

export default function Page() {
  return <WorkersPage />;
}

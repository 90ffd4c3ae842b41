import { ImportLogForm } from "@/components/runs/import/import-log-form";

export const metadata = { title: "Import a training log" };

export default function Page() {
  return <ImportLogForm />;
}

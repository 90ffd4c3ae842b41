import { ImportPage } from "@/components/datasets/import-page";

export const metadata = { title: "Import data" };

export default function Page() {
  return <ImportPage />;
}

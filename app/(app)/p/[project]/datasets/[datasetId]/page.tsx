import { notFound } from "next/navigation";
import { DatasetBrowser } from "@/components/datasets/dataset-browser";
import { isUuid } from "@/components/datasets/route-params";

export const metadata = { title: "Dataset" };

export default async function Page({ params }: { params: Promise<{ datasetId: string }> }) {
  const { datasetId } = await params;
  if (!isUuid(datasetId)) notFound();
  return <DatasetBrowser datasetId={datasetId} />;
}

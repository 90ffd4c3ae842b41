import { notFound } from "next/navigation";
import { isSampleId, isUuid } from "@/components/datasets/route-params";
import { SampleDetail } from "@/components/datasets/sample-detail";

export const metadata = { title: "Sample" };

export default async function Page({ params }: { params: Promise<{ datasetId: string; sampleId: string }> }) {
  const { datasetId, sampleId } = await params;
  if (!isUuid(datasetId) || !isSampleId(sampleId)) notFound();
  return <SampleDetail datasetId={datasetId} sampleId={Number(sampleId)} />;
}

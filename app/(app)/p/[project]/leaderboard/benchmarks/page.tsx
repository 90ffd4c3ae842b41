import { BenchmarkCatalog } from "@/components/evaluations/benchmark-catalog";

export const metadata = { title: "Benchmarks" };

export default function Page() {
  return <BenchmarkCatalog />;
}

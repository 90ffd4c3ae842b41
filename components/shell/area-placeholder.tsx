import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

/** An area whose features have not landed yet: says what it will hold and what to do meanwhile. */
export function AreaIntro({ title, description, emptyTitle, next }: { title: string; description: string; emptyTitle: string; next: React.ReactNode }) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <EmptyState title={emptyTitle}>{next}</EmptyState>
    </>
  );
}

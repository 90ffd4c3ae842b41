import { NewRunPage } from "@/components/recipes/new-run-page";

export const metadata = { title: "New run" };

export default function Page() {
  return <NewRunPage />;
}

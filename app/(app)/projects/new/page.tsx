import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { NewProjectForm } from "@/components/projects/new-project-form";

export const metadata = { title: "New project" };

export default function NewProjectPage() {
  return (
    <AuthCard title="New project" footer={<Link href="/" className="hover:underline">Back</Link>}>
      <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
        A project groups datasets, runs and results. You become its admin and can invite members and viewers.
      </p>
      <NewProjectForm />
    </AuthCard>
  );
}

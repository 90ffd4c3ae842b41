import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getAppDeps } from "@/server/deps";
import { getSignUpState } from "@/server/settings/instance";

export const metadata = { title: "Sign up" };
export const dynamic = "force-dynamic";

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ invite?: string }> }) {
  const { invite } = await searchParams;
  const state = await getSignUpState((await getAppDeps()).db);
  const footer = <>Already have an account? <Link href="/sign-in" className="text-indigo-600 hover:underline">Sign in</Link></>;
  if (!state.open && !invite) {
    return (
      <AuthCard title="Sign-up is closed" footer={footer}>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          This instance accepts new accounts by invitation only. Ask a project administrator for an invitation link.
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={state.firstAccount ? "Create the administrator account" : "Create your account"} footer={footer}>
      {state.firstAccount && (
        <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
          This is the first account on this instance: it becomes the administrator and owns the demo project.
        </p>
      )}
      <SignUpForm inviteToken={invite} />
    </AuthCard>
  );
}

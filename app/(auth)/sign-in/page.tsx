import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata = { title: "Sign in" };

export default function SignInPage() {
  return (
    <AuthCard title="Sign in" footer={<>No account yet? <Link href="/sign-up" className="text-indigo-600 hover:underline">Sign up</Link></>}>
      <SignInForm />
    </AuthCard>
  );
}

"use client";
import { useRouter } from "next/navigation";

export function UserMenu({ user }: { user: { name: string; email: string } }) {
  const router = useRouter();
  const signOut = async () => {
    await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    router.push("/sign-in");
    router.refresh();
  };
  return (
    <div className="min-w-0">
      <p className="truncate text-xs font-medium" title={user.email}>
        {user.email}
      </p>
      <button type="button" onClick={signOut} className="text-xs text-zinc-500 hover:underline">
        Sign out
      </button>
    </div>
  );
}

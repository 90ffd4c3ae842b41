import { requirePageUser } from "@/server/auth/page-session";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  await requirePageUser();
  return children;
}

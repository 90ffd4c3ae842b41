import { getAppDeps } from "@/server/deps";

// better-auth's endpoints: sign-up, sign-in, sign-out, session.
async function handle(request: Request): Promise<Response> {
  const { auth } = await getAppDeps();
  return auth.handler(request);
}

export { handle as GET, handle as POST };

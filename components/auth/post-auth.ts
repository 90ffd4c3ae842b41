/** Calls one of better-auth's email endpoints; returns the server's message when it refuses. */
export async function postAuth(path: "sign-in/email" | "sign-up/email", body: Record<string, unknown>): Promise<string | null> {
  const response = await fetch(`/api/auth/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (response.ok) return null;
  const payload = (await response.json().catch(() => null)) as { message?: string } | null;
  return payload?.message ?? `The server refused (${response.status}).`;
}

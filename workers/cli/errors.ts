import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@/server/routers/_app";

/** An expected failure (bad input, not logged in, server unreachable): shown as one line, without a stack. */
export class CliError extends Error {
  override name = "CliError";
}

/** The one-line message for an expected error, or null for a bug (whose stack is worth showing). */
export function describeError(error: unknown): string | null {
  if (error instanceof CliError) return error.message;
  if (!(error instanceof TRPCClientError)) return null;
  // Transport failures arrive here as the CliError thrown by the client's fetch, with its message copied.
  const data = (error as TRPCClientError<AppRouter>).data;
  if (data?.code === "UNAUTHORIZED") return `${error.message} Run \`mmr login\` with a valid personal token.`;
  const fieldErrors = Object.entries((data?.fieldErrors ?? {}) as Record<string, string[] | undefined>).filter(
    (entry): entry is [string, string[]] => Array.isArray(entry[1]) && entry[1].length > 0,
  );
  if (fieldErrors.length > 0) {
    // The plain message of a validation error is a JSON dump of zod issues; the per-field messages read better.
    return `Invalid input: ${fieldErrors.map(([field, messages]) => `${field}: ${messages.join(" ")}`).join("; ")}`;
  }
  return error.message;
}

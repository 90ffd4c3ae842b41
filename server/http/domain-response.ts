import "server-only";
import { DomainError, type DomainErrorCode } from "@/server/errors";

const statusOf: Record<DomainErrorCode, number> = { BAD_REQUEST: 400, NOT_FOUND: 404, FORBIDDEN: 403, CONFLICT: 409, PAYLOAD_TOO_LARGE: 413, UNAUTHORIZED: 401 };

/** Plain route handlers answer domain errors as JSON with the matching status; anything else is rethrown. */
export async function answerDomainErrors(handle: () => Promise<Response>): Promise<Response> {
  try {
    return await handle();
  } catch (error) {
    if (error instanceof DomainError) return Response.json({ error: error.message }, { status: statusOf[error.code] });
    throw error;
  }
}

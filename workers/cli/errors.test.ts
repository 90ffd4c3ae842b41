import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { CliError, describeError } from "./errors";

function serverError(message: string, data: Record<string, unknown>) {
  return new TRPCClientError(message, { result: { error: { message, code: -32600, data } } });
}

describe("describeError", () => {
  it("passes the server's 404/403 message through unchanged", () => {
    const notFound = serverError('Project "x" does not exist or you are not a member of it.', { code: "NOT_FOUND", httpStatus: 404, fieldErrors: null });
    expect(describeError(notFound)).toBe('Project "x" does not exist or you are not a member of it.');
  });

  it("adds what to do to a refused token", () => {
    const refused = serverError("Unknown token.", { code: "UNAUTHORIZED", httpStatus: 401, fieldErrors: null });
    expect(describeError(refused)).toBe("Unknown token. Run `mmr login` with a valid personal token.");
  });

  it("shows validation errors per field instead of zod's JSON dump", () => {
    const invalid = serverError('[{"code":"too_small"}]', {
      code: "BAD_REQUEST",
      httpStatus: 400,
      fieldErrors: { name: ["A project needs a name."], description: [] },
    });
    expect(describeError(invalid)).toBe("Invalid input: name: A project needs a name.");
  });

  it("keeps CliError messages and leaves other errors to the stack trace", () => {
    expect(describeError(new CliError("Not logged in."))).toBe("Not logged in.");
    expect(describeError(new TypeError("undefined is not a function"))).toBeNull();
  });
});

import "server-only";
import { createHash, randomBytes } from "node:crypto";

// Tokens are 192-bit random secrets, so a plain sha256 is a safe one-way store (no salt or KDF needed).
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function generateSecret(prefix: string): string {
  return `${prefix}${randomBytes(24).toString("base64url")}`;
}

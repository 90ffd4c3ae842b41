import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { isSecretName } from "./secret-masking";

const sealedPrefix = "mmr-sealed:v1:";
const ivBytes = 12;
const tagBytes = 16;

/**
 * Credentials in run configs (a judge's API key, HF_TOKEN, WANDB_API_KEY) are stored encrypted: AES-256-GCM under a key
 * derived from the instance's auth secret. A sealed value stays a string where it was, so configs keep their shape;
 * people only ever see it masked, and it is opened for the agent that runs the command and for a clone's launch.
 */
export class RunSecrets {
  private readonly key: Buffer;

  constructor(authSecret: string) {
    this.key = Buffer.from(hkdfSync("sha256", authSecret, "mmr-studio", "run secrets v1", 32));
  }

  /** `value` with every non-empty string under a credential-looking name encrypted. Sealed strings stay as they are. */
  seal(value: unknown): unknown {
    return mapSecretStrings(value, (text) => (text === "" || text.startsWith(sealedPrefix) ? text : this.encrypt(text)));
  }

  /** `value` with every sealed string decrypted. */
  open(value: unknown): unknown {
    return mapSecretStrings(value, (text) => (text.startsWith(sealedPrefix) ? this.decrypt(text) : text));
  }

  /** One credential sealed on its own (a model endpoint's API key). */
  sealText(text: string): string {
    return text.startsWith(sealedPrefix) ? text : this.encrypt(text);
  }

  openText(sealed: string): string {
    return sealed.startsWith(sealedPrefix) ? this.decrypt(sealed) : sealed;
  }

  private encrypt(text: string): string {
    const iv = randomBytes(ivBytes);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    const sealed = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
    return sealedPrefix + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url");
  }

  private decrypt(text: string): string {
    const bytes = Buffer.from(text.slice(sealedPrefix.length), "base64url");
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.key, bytes.subarray(0, ivBytes));
      decipher.setAuthTag(bytes.subarray(ivBytes, ivBytes + tagBytes));
      return Buffer.concat([decipher.update(bytes.subarray(ivBytes + tagBytes)), decipher.final()]).toString("utf8");
    } catch {
      throw new Error("A stored credential cannot be decrypted: was the instance's auth secret (MMR_AUTH_SECRET) changed since the run was launched?");
    }
  }
}

function mapSecretStrings(value: unknown, change: (text: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => mapSecretStrings(item, change));
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([name, inner]) => [name, typeof inner === "string" && isSecretName(name) ? change(inner) : mapSecretStrings(inner, change)]),
  );
}

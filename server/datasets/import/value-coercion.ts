import "server-only";
import { isRecord } from "./column-path";
import type { ImageRef, RawValue } from "./types";

/** A mapped value has a shape the field cannot take (binary where text is expected, a remote image URL, ...). */
export class ValueShapeError extends Error {}

/** Content-part types that carry an image (OpenAI chat, OpenAI responses, Qwen-VL). */
export const imagePartTypes = new Set(["image", "image_url", "input_image"]);

function describeKeys(value: { [key: string]: RawValue }): string {
  const keys = Object.keys(value);
  return keys.length ? `an object with keys ${keys.slice(0, 6).join(", ")}` : "an empty object";
}

/**
 * Text of a mapped value. Understands chat shapes so a path may stop at a message or its content:
 * content-part lists (text parts joined by newlines, image parts skipped), `{content}` messages and LLaVA `{value}` turns.
 */
export function textOf(value: RawValue | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Uint8Array) throw new ValueShapeError("holds binary data, not text");
  if (Array.isArray(value)) {
    const parts = value.map(textOf).filter((part): part is string => part !== undefined);
    return parts.length ? parts.join("\n") : undefined;
  }
  if (typeof value.text === "string") return value.text;
  // A typed content part without text (image, audio, video) has no text to give.
  if (typeof value.type === "string") return undefined;
  if ("content" in value) return textOf(value.content);
  if ("value" in value) return textOf(value.value);
  throw new ValueShapeError(`is ${describeKeys(value)}, not text; map one of its fields (e.g. 'column.${Object.keys(value)[0] ?? "field"}')`);
}

const verdictWords: Record<string, boolean> = {
  "1": true, "1.0": true, true: true, yes: true, correct: true, right: true, consistent: true, pass: true,
  "0": false, "0.0": false, false: false, no: false, incorrect: false, wrong: false, inconsistent: false, fail: false,
};

/** A judge's verdict: 1 / 0, true / false, or a word such as correct / incorrect. Blank is no verdict. */
export function verdictOf(value: RawValue | undefined): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "boolean") return value;
  if (typeof value === "number" && (value === 0 || value === 1)) return value === 1;
  if (typeof value === "string") {
    const word = value.trim().toLowerCase();
    if (word === "") return undefined;
    if (word in verdictWords) return verdictWords[word];
  }
  const shown = typeof value === "string" ? JSON.stringify(value.slice(0, 40)) : Array.isArray(value) ? "a list" : typeof value === "object" ? "an object" : String(value);
  throw new ValueShapeError(`holds ${shown}, not a verdict (1 / 0, true / false, correct / incorrect)`);
}

function bytesOf(value: RawValue): Uint8Array {
  if (value instanceof Uint8Array) return value;
  // JSON exports of image columns write bytes as base64 text or as a list of byte values.
  if (typeof value === "string") {
    if (!/^[A-Za-z0-9+/=\s]*$/.test(value)) throw new ValueShapeError("holds image bytes as text that is not base64");
    const buffer = Buffer.from(value, "base64");
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }
  if (Array.isArray(value) && value.every((byte) => typeof byte === "number" && Number.isInteger(byte) && byte >= 0 && byte < 256)) {
    return Uint8Array.from(value as number[]);
  }
  throw new ValueShapeError("holds image bytes that are neither binary, base64 text nor a list of byte values");
}

function imageFromString(reference: string): ImageRef[] {
  if (reference.trim() === "") return [];
  const dataUrl = /^data:image\/[\w.+-]+;base64,(.*)$/s.exec(reference);
  if (dataUrl) return [{ kind: "bytes", bytes: bytesOf(dataUrl[1]) }];
  if (/^https?:\/\//i.test(reference)) throw new ValueShapeError(`holds a remote image URL, which is not imported ('${reference.slice(0, 120)}')`);
  return [{ kind: "path", path: reference.replace(/^file:\/\//, "") }];
}

/** Image parts of a message's content; string content is text (verl's `<image>` placeholders point at another column). */
function imagesOfContent(content: RawValue | undefined): ImageRef[] {
  if (!Array.isArray(content)) return [];
  return content.flatMap((part) => (isRecord(part) && typeof part.type === "string" && imagePartTypes.has(part.type) ? imagesOf(part) : []));
}

/**
 * Images of a mapped value: paths, data URLs, raw bytes, HF / verl `{bytes, path}` structs, OpenAI `image_url` parts and
 * whole messages or lists of them (their image parts, in order). Text parts and LLaVA turns contribute nothing.
 */
export function imagesOf(value: RawValue | undefined): ImageRef[] {
  if (value === undefined || value === null) return [];
  if (typeof value === "string") return imageFromString(value);
  if (value instanceof Uint8Array) return value.length ? [{ kind: "bytes", bytes: value }] : [];
  if (Array.isArray(value)) return value.flatMap(imagesOf);
  if (!isRecord(value)) throw new ValueShapeError(`is a ${typeof value}, not an image`);
  // Typed content parts first: parquet gives every part the union of all part fields, so a `path` key may be null here.
  if (typeof value.type === "string") {
    if (!imagePartTypes.has(value.type)) return []; // text, audio, video parts
    const inner = value.type === "image_url" && isRecord(value.image_url) ? value.image_url.url : (value.image ?? value.image_url ?? value.url);
    if (inner !== undefined && inner !== null) return imagesOf(inner);
  }
  if ("bytes" in value || "path" in value) {
    const name = typeof value.path === "string" && value.path !== "" ? value.path : undefined;
    const bytes = value.bytes === null || value.bytes === undefined ? undefined : bytesOf(value.bytes);
    if (bytes && bytes.length) return [name ? { kind: "bytes", bytes, name } : { kind: "bytes", bytes }];
    return name ? imageFromString(name) : [];
  }
  if ("from" in value) return [];
  if ("content" in value) return imagesOfContent(value.content);
  if (typeof value.url === "string") return imageFromString(value.url);
  throw new ValueShapeError(`is ${describeKeys(value)}, not an image`);
}

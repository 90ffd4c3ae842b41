import "server-only";
import { isRecord } from "./column-path";
import type { ChatContentPart, ChatMessage, RawValue } from "./types";
import { ValueShapeError, imagePartTypes, imagesOf, textOf } from "./value-coercion";

// LLaVA names its speakers; the rest of the platform uses OpenAI roles.
const llavaRoles: Record<string, string> = { human: "user", user: "user", gpt: "assistant", assistant: "assistant", system: "system" };

/** Splits text at `<image>` placeholders (verl prompts, LLaVA turns) so each becomes an image part at its position. */
function partsOfPlaceholderText(text: string): ChatContentPart[] {
  const parts: ChatContentPart[] = [];
  text.split("<image>").forEach((piece, index) => {
    if (index > 0) parts.push({ type: "image" });
    if (piece !== "") parts.push({ type: "text", text: piece });
  });
  return parts;
}

function partsOfContent(content: RawValue | undefined, position: number): ChatContentPart[] {
  if (content === undefined || content === null) return [];
  if (typeof content === "string") return partsOfPlaceholderText(content);
  if (!Array.isArray(content)) throw new ValueShapeError(`has content in message ${position} that is neither text nor a list of parts`);
  return content.flatMap((part, index): ChatContentPart[] => {
    if (typeof part === "string") return partsOfPlaceholderText(part);
    if (!isRecord(part)) throw new ValueShapeError(`has part ${index + 1} of message ${position} that is not a content part`);
    if (part.type === "text" || (part.type === undefined && typeof part.text === "string")) {
      return [{ type: "text", text: textOf(part.text) ?? "" }];
    }
    if (typeof part.type === "string" && imagePartTypes.has(part.type)) return imagesOf(part).map((): ChatContentPart => ({ type: "image" }));
    throw new ValueShapeError(`has part ${index + 1} of message ${position} of type '${String(part.type)}', which is neither text nor an image`);
  });
}

/**
 * A conversation in the platform's shape, from OpenAI-style messages (`{role, content}` with string or part-list
 * content), verl prompts (`{role, content}` with `<image>` placeholders) or LLaVA turns (`{from, value}`).
 */
export function chatMessagesOf(value: RawValue | undefined): ChatMessage[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new ValueShapeError("is not a list of messages");
  return value.map((message, index) => {
    const position = index + 1;
    if (!isRecord(message)) throw new ValueShapeError(`has a message ${position} that is not an object`);
    if (typeof message.role === "string") return { role: message.role, content: partsOfContent(message.content, position) };
    if (typeof message.from === "string") {
      return { role: llavaRoles[message.from] ?? message.from, content: partsOfContent(message.value, position) };
    }
    throw new ValueShapeError(`has neither 'role' nor 'from' in message ${position}`);
  });
}

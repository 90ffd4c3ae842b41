import "server-only";
import { conversationFromFields } from "../field-conversation";
import type { ChatContentPart, ChatMessage } from "../import";
import type { ExportImage, ExportSample } from "./version-samples";

const extensionByMime: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp", "image/gif": "gif" };

/** An exported image file's name: its sha256 (identical images share one file) and the extension of what it really is. */
export function imageFileName(image: ExportImage): string {
  return `${image.sha256}.${extensionByMime[image.mime] ?? "bin"}`;
}

/**
 * The sample's conversation: its own messages when it was imported with some, else one built from its fields (the
 * system prompt only when the sample has one, then the user turn: its images, then the question). No reply yet.
 */
function storedOrBuiltConversation(sample: ExportSample): ChatMessage[] {
  return sample.messages ?? conversationFromFields({ question: sample.question, systemPrompt: sample.systemPrompt, imageCount: sample.images.length });
}

/**
 * Makes the k-th image part refer to the k-th stored image, with exactly one part per image (the trainers pair them
 * by position). Images no part mentions (an image column beside text-only messages) get parts at the start of the
 * first user turn, where Qwen-VL data puts them; parts left without an image (one that was missing at import) go.
 */
export function alignImageParts(messages: ChatMessage[], imageCount: number): ChatMessage[] {
  const partCount = messages.reduce((total, m) => total + m.content.filter((p) => p.type === "image").length, 0);
  if (partCount === imageCount) return messages;
  if (partCount < imageCount) {
    const missing = Array.from({ length: imageCount - partCount }, (): ChatContentPart => ({ type: "image" }));
    const firstUser = messages.findIndex((m) => m.role === "user");
    if (firstUser < 0) return [{ role: "user", content: missing }, ...messages];
    return messages.map((m, index) => (index === firstUser ? { ...m, content: [...missing, ...m.content] } : m));
  }
  let kept = 0;
  return messages.map((m) => ({ ...m, content: m.content.filter((p) => p.type !== "image" || kept++ < imageCount) }));
}

/** The conversation to train on: it must end with the assistant's reply, taken from the trace, else the answer. Null without one. */
export function sftConversation(sample: ExportSample): ChatMessage[] | null {
  let messages = storedOrBuiltConversation(sample);
  if (messages.at(-1)?.role !== "assistant") {
    const reply = sample.trace ?? sample.answer;
    if (reply === null) return null;
    messages = [...messages, { role: "assistant", content: [{ type: "text", text: reply }] }];
  }
  return alignImageParts(messages, sample.images.length);
}

/** The prompt the policy answers: the conversation without its closing assistant turns, each image part as `<image>`. */
export function verlPrompt(sample: ExportSample): { role: string; content: string }[] {
  const messages = [...storedOrBuiltConversation(sample)];
  while (messages.at(-1)?.role === "assistant") messages.pop();
  return alignImageParts(messages, sample.images.length).map((m) => ({ role: m.role, content: placeholderText(m.content) }));
}

/** Parts as verl text: images become `<image>` where they stand; adjacent text parts are separated by a newline. */
function placeholderText(parts: ChatContentPart[]): string {
  return parts
    .map((part, index) => {
      if (part.type === "image") return "<image>";
      return index > 0 && parts[index - 1].type === "text" ? `\n${part.text}` : part.text;
    })
    .join("");
}

/** The gold answer the reward checks: the sample's answer, else the last `<answer>…</answer>` of its trace. */
export function verlGroundTruth(sample: ExportSample): string | null {
  if (sample.answer !== null) return sample.answer;
  const tagged = [...(sample.trace ?? "").matchAll(/<answer>([\s\S]*?)<\/answer>/g)].at(-1)?.[1]?.trim();
  return tagged ? tagged : null;
}

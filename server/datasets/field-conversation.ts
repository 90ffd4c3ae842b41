import type { ChatMessage } from "./import";

interface ConversationFields {
  question: string;
  systemPrompt: string | null;
  imageCount: number;
}

/** The conversation a sample's own fields make: its system prompt when it has one, then the user turn: its images, then the question. */
export function conversationFromFields({ question, systemPrompt, imageCount }: ConversationFields): ChatMessage[] {
  const user: ChatMessage = { role: "user", content: [...Array.from({ length: imageCount }, () => ({ type: "image" as const })), { type: "text", text: question }] };
  return systemPrompt === null ? [user] : [{ role: "system", content: [{ type: "text", text: systemPrompt }] }, user];
}

/**
 * Whether `messages` say exactly what the fields do. Such messages are not stored (`conversationFromFields` makes them
 * again): for verl prompts that is nearly every row, and they repeated the question in every row's JSON.
 */
export function isFieldConversation(messages: ChatMessage[], fields: ConversationFields): boolean {
  const hasSystem = fields.systemPrompt !== null;
  if (messages.length !== (hasSystem ? 2 : 1)) return false;
  if (hasSystem && !isSingleText(messages[0], "system", fields.systemPrompt!)) return false;
  const user = messages.at(-1)!;
  if (user.role !== "user" || user.content.length !== fields.imageCount + 1) return false;
  const text = user.content[fields.imageCount];
  return text.type === "text" && text.text === fields.question && user.content.slice(0, fields.imageCount).every((part) => part.type === "image");
}

function isSingleText(message: ChatMessage, role: string, text: string): boolean {
  const [part, ...rest] = message.content;
  return message.role === role && rest.length === 0 && part?.type === "text" && part.text === text;
}

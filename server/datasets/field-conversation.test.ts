import { describe, expect, it } from "vitest";
import { conversationFromFields, isFieldConversation } from "./field-conversation";

describe("a sample's conversation from its fields", () => {
  const fields = { question: "What is the area?", systemPrompt: null, imageCount: 1 };

  it("is the system prompt, then the user turn with the images before the question", () => {
    expect(conversationFromFields({ ...fields, systemPrompt: "Think first." })).toEqual([
      { role: "system", content: [{ type: "text", text: "Think first." }] },
      { role: "user", content: [{ type: "image" }, { type: "text", text: "What is the area?" }] },
    ]);
  });

  it("recognises messages that say nothing more, so they need not be stored", () => {
    expect(isFieldConversation(conversationFromFields(fields), fields)).toBe(true);
    const withSystem = { ...fields, systemPrompt: "Think first." };
    expect(isFieldConversation(conversationFromFields(withSystem), withSystem)).toBe(true);
  });

  it("keeps messages that hold a reply, another turn, a different text or images elsewhere", () => {
    const built = conversationFromFields(fields);
    expect(isFieldConversation([...built, { role: "assistant", content: [{ type: "text", text: "12" }] }], fields)).toBe(false);
    expect(isFieldConversation(built, { ...fields, question: "What is the perimeter?" })).toBe(false);
    expect(isFieldConversation(built, { ...fields, systemPrompt: "Think first." })).toBe(false);
    expect(isFieldConversation([{ role: "user", content: [{ type: "text", text: fields.question }, { type: "image" }] }], fields)).toBe(false);
    expect(isFieldConversation(built, { ...fields, imageCount: 0 })).toBe(false);
  });
});

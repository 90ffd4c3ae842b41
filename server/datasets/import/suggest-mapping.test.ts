import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSftParquet, writeVerlParquet } from "@/tests/fixtures/datasets/write-parquet-fixtures";
import { listDatasetSources, readSourceRows } from "./sources";
import { suggestMapping } from "./suggest-mapping";
import type { RawRow } from "./types";

const fixtures = path.resolve(import.meta.dirname, "../../../tests/fixtures/datasets");
let folder: string;

async function rowsOf(file: string): Promise<RawRow[]> {
  const [source] = await listDatasetSources(file);
  const rows: RawRow[] = [];
  for await (const record of readSourceRows(source)) if (record.kind === "row") rows.push(record.values);
  return rows;
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "mmr-suggest-"));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("suggestMapping", () => {
  it("maps OpenAI-style SFT rows whose replies reason in tags: the reply is the trace", async () => {
    expect(suggestMapping(await rowsOf(path.join(fixtures, "sft_messages.jsonl")))).toEqual({
      layout: "openai-messages",
      mapping: {
        externalId: "id",
        messages: "messages",
        question: "messages[role=user][0].content",
        systemPrompt: "messages[role=system][0].content",
        trace: "messages[role=assistant][-1].content",
        images: "messages",
      },
    });
  });

  it("maps plain SFT replies as answers", async () => {
    expect(suggestMapping(await rowsOf(path.join(fixtures, "sft_messages_minimal.json")))).toEqual({
      layout: "openai-messages",
      mapping: { messages: "messages", question: "messages[role=user][0].content", answer: "messages[role=assistant][-1].content" },
    });
  });

  it("maps LLaVA conversations with their image column", async () => {
    expect(suggestMapping(await rowsOf(path.join(fixtures, "llava_conversations.json")))).toEqual({
      layout: "llava-conversations",
      mapping: {
        externalId: "id",
        images: "image",
        messages: "conversations",
        question: "conversations[from=human][0].value",
        systemPrompt: "conversations[from=system][0].value",
        answer: "conversations[from=gpt][-1].value",
      },
    });
  });

  it("maps question / answer / image_path rows", async () => {
    expect(suggestMapping(await rowsOf(path.join(fixtures, "k12_style_eval.json")))).toEqual({
      layout: "question-answer",
      mapping: { externalId: "id", images: "image_path", question: "question", answer: "answer" },
    });
  });

  it("maps reasoning traces, covering questions split across alternative columns", async () => {
    expect(suggestMapping(await rowsOf(path.join(fixtures, "vprm_style_traces.jsonl")))).toEqual({
      layout: "reasoning-trace",
      mapping: {
        externalId: "id",
        images: "image",
        question: ["problem", "problem_w_choices"],
        answer: ["answer", "answer_w_choices"],
        trace: "response[0]",
      },
    });
  });

  it("maps a judge's 0 / 1 judgment column as the verdict of judged responses", async () => {
    expect(suggestMapping(await rowsOf(path.join(fixtures, "judge_verdicts.jsonl")))).toEqual({
      layout: "reasoning-trace",
      mapping: { externalId: "id", verdict: "judgment", images: "image", question: "question", answer: ["answer", "answer_w_choices"], trace: "response" },
    });
  });

  it("maps verl RL parquet rows: prompt, ground truth, image structs and data source", async () => {
    const file = path.join(folder, "verl.parquet");
    await writeVerlParquet(file);
    expect(suggestMapping(await rowsOf(file))).toEqual({
      layout: "verl-rl",
      mapping: {
        source: "data_source",
        images: "images",
        messages: "prompt",
        question: "prompt[role=user][0].content",
        systemPrompt: "prompt[role=system][0].content",
        answer: "reward_model.ground_truth",
      },
    });
  });

  it("maps SFT parquet rows whose image parts live in the messages", async () => {
    const file = path.join(folder, "sft.parquet");
    await writeSftParquet(file);
    expect(suggestMapping(await rowsOf(file))).toMatchObject({
      layout: "openai-messages",
      mapping: { externalId: "id", images: "messages", trace: "messages[role=assistant][-1].content" },
    });
  });

  it("leaves the question unmapped when no column looks like one", () => {
    expect(suggestMapping([{ caption: "a cat", width: 3 }])).toEqual({ layout: "unknown", mapping: {} });
    expect(suggestMapping([])).toEqual({ layout: "unknown", mapping: {} });
  });

  it("does not take id- or type-like columns for questions", () => {
    const rows: RawRow[] = [{ question_id: "q1", question_type: "mcq", query: "Which?", gt_answer: "A" }];
    expect(suggestMapping(rows).mapping).toEqual({ externalId: "question_id", question: "query", answer: "gt_answer" });
  });
});

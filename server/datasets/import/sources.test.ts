import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeVerlParquet } from "@/tests/fixtures/datasets/write-parquet-fixtures";
import { detectContainer } from "./detect-container";
import { DatasetFileError } from "./errors";
import { readDatasetList } from "./read-dataset-list";
import { listDatasetSources, readSourceRows } from "./sources";

const fixtures = path.resolve(import.meta.dirname, "../../../tests/fixtures/datasets");
let folder: string;

async function writeTemp(name: string, text: string): Promise<string> {
  const file = path.join(folder, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  return file;
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "mmr-sources-"));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("detectContainer", () => {
  it("goes by extension, and sniffs .json and unknown extensions", async () => {
    expect(await detectContainer(path.join(fixtures, "sft_messages.jsonl"))).toBe("jsonl");
    expect(await detectContainer(path.join(fixtures, "recipe_datasets.yaml"))).toBe("dataset-list");
    expect(await detectContainer(path.join(fixtures, "k12_style_eval.json"))).toBe("json");
    expect(await detectContainer(await writeTemp("lines.json", '{"q": 1}\n{"q": 2}\n'))).toBe("jsonl");
    expect(await detectContainer(await writeTemp("one-object.json", '{\n  "q": 1\n}\n'))).toBe("json");
    const parquet = path.join(folder, "verl.data");
    await writeVerlParquet(parquet);
    expect(await detectContainer(parquet)).toBe("parquet");
  });

  it("refuses other files, naming them", async () => {
    const file = await writeTemp("notes.txt", "hello");
    await expect(detectContainer(file)).rejects.toThrow(`${file}: not a dataset file this importer reads`);
    await expect(detectContainer(path.join(folder, "absent.bin"))).rejects.toThrow(/absent\.bin: file not found/);
  });
});

describe("readDatasetList", () => {
  it("lists every entry with a label, its data folder and container", async () => {
    const sources = await readDatasetList(path.join(fixtures, "recipe_datasets.yaml"));
    expect(sources).toEqual([
      { label: "sft_messages", path: path.join(fixtures, "sft_messages.jsonl"), dataFolder: fixtures, container: "jsonl" },
      { label: "llava_conversations", path: path.join(fixtures, "llava_conversations.json"), dataFolder: fixtures, container: "json" },
      { label: "k12_style_eval", path: path.join(fixtures, "k12_style_eval.json"), dataFolder: fixtures, container: "json" },
    ]);
  });

  it("reads the list inside a training config, resolves folders against the YAML and keeps labels unique", async () => {
    await writeTemp("a/train.jsonl", '{"q": 1}\n');
    await writeTemp("b/train.jsonl", '{"q": 2}\n');
    const list = await writeTemp(
      "config.yaml",
      "trainer_type: fsdp2_trainer\ndataset_config:\n  datasets:\n    - path: a/train.jsonl\n      data_folder: images\n    - path: b/train.jsonl\n",
    );
    expect(await readDatasetList(list)).toEqual([
      { label: "train", path: path.join(folder, "a/train.jsonl"), dataFolder: path.join(folder, "images"), container: "jsonl" },
      { label: "train-2", path: path.join(folder, "b/train.jsonl"), dataFolder: path.join(folder, "b"), container: "jsonl" },
    ]);
  });

  it("refuses malformed lists with the file and entry named", async () => {
    const noList = await writeTemp("no-list.yaml", "model: qwen\n");
    await expect(readDatasetList(noList)).rejects.toThrow(DatasetFileError);
    await expect(readDatasetList(noList)).rejects.toThrow(`${noList}: expected 'datasets: [{path, data_folder, data_type}]'`);
    const arrow = await writeTemp("arrow.yaml", "datasets:\n  - path: a/train.jsonl\n    data_type: arrow\n");
    await expect(readDatasetList(arrow)).rejects.toThrow("entry 1 ('a/train.jsonl'): data_type 'arrow' is not supported (parquet, json or jsonl)");
    const missing = await writeTemp("missing.yaml", "datasets:\n  - path: nowhere.parquet\n");
    await expect(readDatasetList(missing)).rejects.toThrow(`entry 1 ('nowhere.parquet'): ${path.join(folder, "nowhere.parquet")} is not a file`);
    const broken = await writeTemp("broken.yaml", "datasets: [\n");
    await expect(readDatasetList(broken)).rejects.toThrow(`${broken}: not valid YAML`);
    const nested = await writeTemp("nested.yaml", "datasets:\n  - path: config.yaml\n");
    await expect(readDatasetList(nested)).rejects.toThrow("dataset lists cannot list other dataset lists");
  });
});

describe("listDatasetSources and readSourceRows", () => {
  it("gives a single file as one source whose images resolve against its folder or a given one", async () => {
    const file = path.join(fixtures, "k12_style_eval.json");
    expect(await listDatasetSources(file)).toEqual([{ label: "k12_style_eval", path: file, dataFolder: fixtures, container: "json" }]);
    expect((await listDatasetSources(file, { dataFolder: folder }))[0].dataFolder).toBe(folder);
  });

  it("reads every source of a list, numbering rows within each file", async () => {
    const counts: Record<string, number[]> = {};
    for (const source of await listDatasetSources(path.join(fixtures, "recipe_datasets.yaml"))) {
      counts[source.label] = [];
      for await (const record of readSourceRows(source)) counts[source.label].push(record.row);
    }
    expect(counts).toEqual({ sft_messages: [1, 2, 3, 4, 5, 6], llava_conversations: [1, 2, 3], k12_style_eval: [1, 2, 3, 4, 5] });
  });
});

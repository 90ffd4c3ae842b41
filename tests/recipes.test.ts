import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runs } from "@/db/schema";
import { artifactFolder } from "@/server/datasets/export/artifacts";
import { recipeVersion } from "@/server/recipes/recipe-version";
import { redSquarePngPath, writeVerlParquet } from "./fixtures/datasets/write-parquet-fixtures";
import { runQueuedJobs } from "./support/run-jobs";
import { createTestApp, type TestApp } from "./support/test-app";

type Caller = Awaited<ReturnType<TestApp["callerFor"]>>;

describe("launching runs from recipes", () => {
  const project = "recipes";
  let app: TestApp;
  let ada: Caller;
  let vera: Caller;
  let root: string;
  let contentHash: string;
  const exportRuns = { sft: 0, rl: 0 };

  /** The run's config as the database holds it: credentials sealed. */
  async function storedConfig(runId: number) {
    const [run] = await app.deps.db.select({ config: runs.config }).from(runs).where(eq(runs.id, runId));
    return run.config;
  }

  /** The run's config as its agent receives it: credentials opened, unlike what runs.get shows people. */
  async function agentConfig(runId: number) {
    return app.deps.secrets.open(await storedConfig(runId)) as { launch: { env: Record<string, string> }; recipe: { config: { judge?: { apiKey: string } } } };
  }

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "mmr-recipes-"));
    await writeVerlParquet(path.join(root, "verl.parquet"));
    await mkdir(path.join(root, "images"));
    await copyFile(redSquarePngPath, path.join(root, "images/red-square.png"));
    app = await createTestApp({ MMR_IMPORT_ROOTS: root });
    ada = await app.callerFor(await app.signUp("ada@example.com"));
    await ada.projects.create({ name: "Recipes" });
    const invite = await ada.members.invite({ project, email: "vera@example.com", role: "viewer" });
    if (invite.status !== "invited") throw new Error("expected an invitation");
    vera = await app.callerFor(await app.signUp("vera@example.com", { inviteToken: invite.token }));

    const { datasetId } = await ada.datasets.startImport({ project, target: { newDatasetName: "geo" }, location: { kind: "server-path", path: path.join(root, "verl.parquet") } });
    await runQueuedJobs(app);
    const version = await ada.datasetVersions.create({ project, datasetId, name: "v1" });
    contentHash = version.contentHash;
    exportRuns.sft = (await ada.datasetExports.startExport({ project, datasetId, versionId: version.id, format: "lmms-engine-sft" })).runId;
    exportRuns.rl = (await ada.datasetExports.startExport({ project, datasetId, versionId: version.id, format: "verl-rl" })).runId;
    await runQueuedJobs(app);
  });
  afterAll(async () => {
    await app.close();
    await rm(root, { recursive: true, force: true });
  });

  it("starts an SFT form from the newest SFT export, read where the server wrote it", async () => {
    const defaults = await ada.recipes.defaults({ project, kind: "sft" });
    expect(defaults.recipeVersion).toBe(recipeVersion);
    expect(defaults.exports.map((e) => [e.exportRunId, e.contentHash, e.versionNumber])).toEqual([[exportRuns.sft, contentHash, 1]]);
    expect(defaults.config).toMatchObject({
      dataset: { exportRunId: exportRuns.sft, dataRoot: artifactFolder(app.deps.env, exportRuns.sft) },
      data: { packingLength: 61440 },
      trainer: { learningRate: 5e-5, maxSteps: 4300 },
    });
  });

  it("launches SFT exactly as previewed and stores the recipe, its version and the dataset version hash", async () => {
    const config = { ...(await ada.recipes.defaults({ project, kind: "sft" })).config, dataset: { exportRunId: exportRuns.sft, dataRoot: "/mnt/sft" } };
    const preview = await ada.recipes.preview({ project, kind: "sft", name: "cold start", config, executor: "local" });
    if (!preview.ok) throw new Error(JSON.stringify(preview.issues));
    expect(preview.datasetVersionHash).toBe(contentHash);

    const { runId } = await ada.recipes.launch({ project, kind: "sft", name: "cold start", config, executor: "local", stamp: preview.stamp });
    const run = await ada.runs.get({ project, runId });
    expect(run).toMatchObject({ kind: "sft", state: "queued", queue: "gpu", requirements: { gpus: 8, labels: [] } });
    const stored = run.config as { launch: { command: string; files: { path: string; content: string }[] }; recipe: Record<string, unknown> };
    expect(stored.launch.command).toBe(preview.command);
    expect(stored.launch.files).toEqual(preview.files);
    const yaml = parse(stored.launch.files[0].content);
    expect(yaml.dataset_config.datasets).toEqual([{ path: "/mnt/sft/train.parquet", data_folder: "/mnt/sft/images", data_type: "parquet" }]);
    expect(yaml.trainer_args.output_dir).toBe(`./output/cold-start-${preview.stamp}`);
    expect(stored.recipe).toMatchObject({ kind: "sft", version: recipeVersion, datasetVersionHash: contentHash, stamp: preview.stamp, config: { trainer: { maxSteps: 4300 } } });
  });

  it("launches RL with its GSPO overrides on the verl export and refuses the SFT export in its place", async () => {
    const defaults = await ada.recipes.defaults({ project, kind: "rl" });
    expect(defaults.exports.map((e) => e.exportRunId)).toEqual([exportRuns.rl]);
    const wrongExport = { ...defaults.config, dataset: { exportRunId: exportRuns.sft, dataRoot: "/mnt/rl" } };
    const refused = await ada.recipes.preview({ project, kind: "rl", name: "gspo", config: wrongExport, executor: "local" });
    expect(refused).toEqual({ ok: false, issues: [{ path: "dataset.exportRunId", message: `Run ${exportRuns.sft} is not a succeeded verl-rl export of this project.` }] });

    const placement = { executor: "ray" as const, ray: { address: "http://ray-head:8265" } };
    const config = { ...defaults.config, outputRoot: "/shared/rl", resources: { nodes: 2, gpusPerNode: 8, labels: ["h100"] } };
    const { runId } = await ada.recipes.launch({ project, kind: "rl", name: "gspo", config, ...placement });
    const run = await ada.runs.get({ project, runId });
    const stored = run.config as { launch: { command: string; executor: string; ray: unknown; env: Record<string, string> }; recipe: Record<string, unknown> };
    expect(stored.launch).toMatchObject({ executor: "ray", ray: { address: "http://ray-head:8265" } });
    for (const override of ["algorithm.adv_estimator=grpo", "actor_rollout_ref.actor.policy_loss.loss_mode=gspo", "actor_rollout_ref.rollout.n=16", "trainer.nnodes=2"]) {
      expect(stored.launch.command).toContain(override);
    }
    expect(stored.launch.command).toContain(`'data.train_files=["${artifactFolder(app.deps.env, exportRuns.rl)}/train.parquet"]'`);
    expect((await agentConfig(runId)).launch.env.OPENAI_API_KEY).toBe("EMPTY");
    expect(run.requirements).toEqual({ gpus: 0, labels: ["h100"] });
    expect(stored.recipe).toMatchObject({ kind: "rl", version: recipeVersion, datasetVersionHash: contentHash, validationDatasetVersionHash: null });
  });

  it("launches an evaluation over the catalog's tasks with the judge's key stored but shown masked", async () => {
    const defaults = await ada.recipes.defaults({ project, kind: "eval" });
    expect(defaults.tasks.text.map((t) => t.task)).toEqual(["gpqa_diamond_thinking", "aime_agg8"]);
    expect(defaults.config).toMatchObject({ imageTasks: expect.arrayContaining(["mathvista_testmini_cot_reward", "dynamath"]), textTasks: ["gpqa_diamond_thinking", "aime_agg8"] });
    const config = { ...defaults.config, judge: { enabled: true, baseUrl: "http://judge:8000/v1", model: "judge", apiKey: "sk-judge-1" } };
    const preview = await ada.recipes.preview({ project, kind: "eval", name: "omr eval", config, executor: "local" });
    if (!preview.ok) throw new Error(JSON.stringify(preview.issues));
    expect(preview.displayEnv.OPENAI_API_KEY).toBe("********");
    expect(JSON.stringify(preview)).not.toContain("sk-judge-1");

    const { runId } = await ada.recipes.launch({ project, kind: "eval", name: "omr eval", config, executor: "local", stamp: preview.stamp });
    const stored = (await ada.runs.get({ project, runId })).config as { launch: { command: string; env: Record<string, string> }; recipe: Record<string, unknown> };
    expect(stored.launch.command).toContain(`--output_path ./eval-output/omr-eval-${preview.stamp}`);
    expect(stored.launch.env.OPENAI_API_KEY).toBe("********");
    expect((await agentConfig(runId)).launch.env.OPENAI_API_KEY).toBe("sk-judge-1");
    expect(JSON.stringify(await storedConfig(runId))).not.toContain("sk-judge-1");
    expect(stored.recipe).toMatchObject({ kind: "eval", version: recipeVersion, datasetVersionHash: null });

    // Launching the same preview again would write into the same folder.
    await expect(ada.recipes.launch({ project, kind: "eval", name: "omr eval", config, executor: "local", stamp: preview.stamp })).rejects.toThrow(
      `Run ${runId} already writes to ./eval-output/omr-eval-${preview.stamp}`,
    );
  });

  it("clones a run's recipe config and placement, its credentials masked, to launch it again edited", async () => {
    const rlRuns = await ada.runs.list({ project, kinds: ["rl"] });
    const sourceRunId = rlRuns.items[0].id;
    const source = await ada.recipes.cloneSource({ project, runId: sourceRunId });
    expect(source).toMatchObject({ kind: "rl", sourceName: "gspo", sourceVersion: recipeVersion, placement: { executor: "ray", ray: { address: "http://ray-head:8265" } } });
    expect(source.config.judge).toMatchObject({ apiKey: "********", model: "judge" });
    const edited = { ...source.config, rollout: { ...(source.config.rollout as object), n: 8 } };
    const { runId } = await ada.recipes.launch({ project, kind: source.kind, name: "gspo n8", config: edited, ...source.placement, cloneOf: sourceRunId });
    const stored = (await ada.runs.get({ project, runId })).config as { launch: { command: string } };
    expect(stored.launch.command).toContain("actor_rollout_ref.rollout.n=8");
    expect(stored.launch.command).toContain("actor_rollout_ref.actor.clip_ratio_low=0.0003");
    // The key nobody retyped is the source's again, in the launch and in the recipe a later clone starts from.
    const unmasked = await agentConfig(runId);
    expect(unmasked.launch.env.OPENAI_API_KEY).toBe("EMPTY");
    expect(unmasked.recipe.config.judge?.apiKey).toBe("EMPTY");
  });

  it("refuses a malformed config naming the field, and a viewer's launch", async () => {
    const config = { ...(await ada.recipes.defaults({ project, kind: "sft" })).config, trainer: { learningRate: 0 } };
    await expect(ada.recipes.launch({ project, kind: "sft", name: "bad", config, executor: "local" })).rejects.toThrow(
      "The sft recipe's config is invalid: trainer.learningRate: Too small: expected number to be >0",
    );
    const preview = await vera.recipes.preview({ project, kind: "sft", name: "bad", config, executor: "local" });
    expect(preview.ok ? [] : preview.issues.map((i) => i.path)).toEqual(["trainer.learningRate"]);
    await expect(vera.recipes.launch({ project, kind: "eval", name: "x", config: {}, executor: "local" })).rejects.toThrow(/needs the member role/);
    const importRun = (await ada.runs.list({ project, kinds: ["import"] })).items[0];
    await expect(ada.recipes.cloneSource({ project, runId: importRun.id })).rejects.toThrow(`Run ${importRun.id} was not launched from a recipe`);
  });
});

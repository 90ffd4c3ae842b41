// Cold start-up of `npm start` on the built app with an empty data directory: time until the app answers
// /sign-in, and until the first /sign-up, which reads the database (migrations and PGlite open first).
import { progress, runBenchmark, type BenchRow } from "./support/bench-row";
import { buildTime, prepareBuild, startApp, waitForOk } from "./support/built-app";
import { median } from "./support/stats";

const samples = 3;
const attemptsPerSample = 3;

interface StartupSample {
  signInMs: number;
  signUpMs: number;
}

async function measureOnce(): Promise<StartupSample | null> {
  const builtBefore = buildTime();
  const app = await startApp();
  try {
    const signInAt = await waitForOk(app, "/sign-in");
    const signUp = await fetch(`${app.baseURL}/sign-up`);
    await signUp.arrayBuffer();
    const signUpAt = performance.now();
    if (signUp.status !== 200) throw new Error(`GET /sign-up answered ${signUp.status}:\n${app.recentOutput()}`);
    // Someone changed the sources meanwhile and `npm start` rebuilt: this sample timed a build.
    if (buildTime() !== builtBefore) return null;
    return { signInMs: signInAt - app.spawnedAt, signUpMs: signUpAt - app.spawnedAt };
  } finally {
    await app.stop();
  }
}

async function measureSample(index: number): Promise<StartupSample> {
  for (let attempt = 1; attempt <= attemptsPerSample; attempt++) {
    const sample = await measureOnce();
    if (sample) {
      progress(`start ${index}: /sign-in ${sample.signInMs.toFixed(0)} ms, first /sign-up ${sample.signUpMs.toFixed(0)} ms`);
      return sample;
    }
    progress(`start ${index}: the app was rebuilt during the sample (sources changed); measuring again`);
  }
  throw new Error(`the sources kept changing: ${attemptsPerSample} start-ups in a row included a build`);
}

function summaryRows(label: string, values: number[]): BenchRow[] {
  const detail = `${samples} cold starts: ${values.map((v) => v.toFixed(0)).join(", ")} ms`;
  return [
    { name: `${label} (median)`, value: median(values), unit: "ms", note: detail },
    { name: `${label} (max)`, value: Math.max(...values), unit: "ms" },
  ];
}

await runBenchmark(async () => {
  progress("making sure a current build exists (not timed)");
  await prepareBuild();
  const measured: StartupSample[] = [];
  for (let index = 1; index <= samples; index++) measured.push(await measureSample(index));
  return [
    ...summaryRows("start-up: npm start → /sign-in 200", measured.map((s) => s.signInMs)),
    ...summaryRows("start-up: npm start → first /sign-up 200", measured.map((s) => s.signUpMs)),
  ];
});

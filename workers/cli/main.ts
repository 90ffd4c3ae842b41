import { Command } from "commander";
import { registerDatasetCommands } from "./commands/datasets";
import { registerEndpointCommands } from "./commands/endpoints";
import { registerEvaluationCommands } from "./commands/evaluations";
import { registerJudgeCommands } from "./commands/judge";
import { registerLeaderboardCommands } from "./commands/leaderboard";
import { registerLoginCommands } from "./commands/login";
import { registerProjectsCommands } from "./commands/projects";
import { registerRunCommands } from "./commands/runs";
import { registerVerifyCommands } from "./commands/verify";
import { registerWorkerCommands } from "./commands/worker";
import { describeError } from "./errors";

// Each verb group lives in its own file under commands/ and is registered here.
const verbGroups = [
  registerLoginCommands,
  registerProjectsCommands,
  registerDatasetCommands,
  registerEvaluationCommands,
  registerLeaderboardCommands,
  registerEndpointCommands,
  registerJudgeCommands,
  registerRunCommands,
  registerWorkerCommands,
  registerVerifyCommands,
];

const program = new Command("mmr").description("MMR Studio from the command line. Talks to a server over HTTP with a personal API token.");
for (const register of verbGroups) register(program);

try {
  await program.parseAsync();
} catch (error) {
  const message = describeError(error);
  if (message === null) throw error; // a bug: let Node print the stack
  console.error(`mmr: ${message}`);
  process.exitCode = 1;
}

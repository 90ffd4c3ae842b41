import { InvalidArgumentError, Option, type Command } from "commander";
import { createMmrClient, type MmrClient } from "../client";
import { resolveConnection } from "../config";
import { CliError } from "../errors";
import { printJson, withoutControlCharacters } from "../output";
import { projectOption } from "../project-option";

interface EndpointAddOptions {
  project: string;
  name: string;
  baseUrl: string;
  model: string;
  apiKeyEnv?: string;
  concurrency?: number;
  rpm?: number;
  timeout?: number;
  json?: boolean;
}

/** Model endpoints: the project's OpenAI-compatible servers, used as judges, teachers and embedders. */
export function registerEndpointCommands(program: Command): void {
  const endpoint = program.command("endpoint").description("the project's model endpoints (OpenAI-compatible servers used as judges, teachers and embedders)");

  endpoint
    .command("add")
    .description("add an endpoint; its API key is read from an environment variable, never from the command line")
    .addOption(projectOption())
    .requiredOption("--name <name>", "the endpoint's name in this project")
    .requiredOption("--base-url <url>", "the server's OpenAI-compatible base URL, e.g. http://judge-host:8000/v1")
    .requiredOption("--model <model>", "the model name the server serves")
    .option("--api-key-env <VAR>", "the environment variable that holds the API key")
    .addOption(new Option("--concurrency <n>", "requests in flight at once").argParser(positiveInteger))
    .addOption(new Option("--rpm <n>", "requests started per minute at most").argParser(positiveInteger))
    .addOption(new Option("--timeout <seconds>", "seconds before one request is given up (then retried)").argParser(positiveInteger))
    .option("--json", "print the endpoint as JSON (never its key)")
    .action((options: EndpointAddOptions) => addEndpoint(options));

  endpoint
    .command("list")
    .description("list the project's endpoints (keys are never shown, only whether one is set)")
    .addOption(projectOption())
    .option("--json", "one JSON line per endpoint")
    .action((options: { project: string; json?: boolean }) => listEndpoints(options));

  endpoint
    .command("test")
    .description("make one real chat completion through the endpoint; exits non-zero when it fails")
    .argument("<name>", "the endpoint's name")
    .addOption(projectOption())
    .option("--json", "print {ok, latencyMs, model, reply, error}")
    .action((name: string, options: { project: string; json?: boolean }) => testEndpoint(name, options));

  endpoint
    .command("remove")
    .description("remove an endpoint from the project")
    .argument("<name>", "the endpoint's name")
    .addOption(projectOption())
    .action((name: string, options: { project: string }) => removeEndpoint(name, options));
}

async function addEndpoint(options: EndpointAddOptions): Promise<void> {
  const apiKey = options.apiKeyEnv === undefined ? undefined : process.env[options.apiKeyEnv];
  if (options.apiKeyEnv !== undefined && !apiKey) {
    throw new CliError(`--api-key-env ${options.apiKeyEnv}: the environment variable ${options.apiKeyEnv} is not set (or empty).`);
  }
  const client = createMmrClient(resolveConnection());
  const settings = {
    name: options.name,
    baseUrl: options.baseUrl,
    model: options.model,
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    ...(options.rpm === undefined ? {} : { requestsPerMinute: options.rpm }),
    ...(options.timeout === undefined ? {} : { timeoutMs: options.timeout * 1000 }),
  };
  const created = await client.endpoints.create.mutate({ project: options.project, settings, apiKey });
  if (options.json) return printJson(created);
  console.log(`Endpoint ${withoutControlCharacters(created.name)} added: ${created.model} at ${created.baseUrl}${created.hasApiKey ? " (key sealed)" : ""}.`);
}

async function listEndpoints(options: { project: string; json?: boolean }): Promise<void> {
  const client = createMmrClient(resolveConnection());
  const endpoints = await client.endpoints.list.query({ project: options.project });
  if (options.json) {
    for (const endpoint of endpoints) process.stdout.write(`${JSON.stringify(endpoint)}\n`);
    return;
  }
  if (endpoints.length === 0) return console.log("No model endpoints yet: add one with `mmr endpoint add`.");
  for (const endpoint of endpoints) {
    const limits = `concurrency ${endpoint.concurrency}${endpoint.requestsPerMinute ? `, ${endpoint.requestsPerMinute}/min` : ""}, timeout ${endpoint.timeoutMs / 1000} s`;
    console.log(`${withoutControlCharacters(endpoint.name)}\t${endpoint.model}\t${endpoint.baseUrl}\t${endpoint.hasApiKey ? "key set" : "no key"}\t${limits}`);
  }
}

async function testEndpoint(name: string, options: { project: string; json?: boolean }): Promise<void> {
  const client = createMmrClient(resolveConnection());
  const outcome = await client.endpoints.test.mutate({ project: options.project, endpoint: name });
  if (options.json) printJson(outcome);
  else if (outcome.ok) console.log(`${name}: ${outcome.model} answered in ${outcome.latencyMs} ms.`);
  if (!outcome.ok) throw new CliError(`${name}: ${outcome.error}`);
}

async function removeEndpoint(name: string, options: { project: string }): Promise<void> {
  const client = createMmrClient(resolveConnection());
  const endpoint = await endpointNamed(client, options.project, name);
  await client.endpoints.remove.mutate({ project: options.project, endpointId: endpoint.id });
  console.log(`Endpoint ${withoutControlCharacters(endpoint.name)} removed.`);
}

async function endpointNamed(client: MmrClient, project: string, name: string) {
  const endpoints = await client.endpoints.list.query({ project });
  const found = endpoints.find((endpoint) => endpoint.name === name);
  if (!found) throw new CliError(`This project has no model endpoint "${name}"; it has ${endpoints.map((e) => e.name).join(", ") || "none"}.`);
  return found;
}

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError("expected a positive whole number.");
  return number;
}

import { Option, type Command } from "commander";
import { createMmrClient, type MmrClient } from "../client";
import { configPath, normalizeServerUrl, removeSavedLogin, resolveConnection, saveLogin } from "../config";
import { CliError } from "../errors";
import { jsonOptionHelp, printJson } from "../output";

/** Signing in: login, logout, whoami. */
export function registerLoginCommands(program: Command): void {
  program
    .command("login")
    .description("check a personal API token with the server, then save both for later commands")
    .addOption(new Option("--server <url>", "the MMR Studio server, e.g. https://mmr.example.com").env("MMR_SERVER").makeOptionMandatory())
    .addOption(new Option("--token <token>", "a personal API token (mmr_pat_…) from your settings").env("MMR_TOKEN").makeOptionMandatory())
    .action(async (options: { server: string; token: string }) => {
      const connection = { server: normalizeServerUrl(options.server), token: options.token.trim() };
      const account = await fetchAccount(createMmrClient(connection));
      const file = configPath();
      saveLogin(file, connection);
      console.log(`Logged in to ${connection.server} as ${describeAccount(account)}. Saved to ${file}.`);
    });

  program
    .command("logout")
    .description("forget the saved server and token (the token itself stays valid until you revoke it)")
    .action(() => {
      const file = configPath();
      console.log(removeSavedLogin(file) ? `Logged out: removed ${file}.` : "Not logged in: nothing to remove.");
    });

  program
    .command("whoami")
    .description("show the account the token belongs to")
    .option("--json", jsonOptionHelp)
    .action(async (options: { json?: boolean }) => {
      const connection = resolveConnection();
      const account = await fetchAccount(createMmrClient(connection));
      if (options.json) printJson({ server: connection.server, ...account });
      else console.log(`${describeAccount(account)} on ${connection.server}`);
    });
}

type Account = { name: string; email: string; isAdmin: boolean };

async function fetchAccount(client: MmrClient): Promise<Account & { id: string }> {
  const account = await client.me.get.query();
  if (!account) throw new CliError("The token is valid but its account no longer exists.");
  return account;
}

function describeAccount(account: Account): string {
  return `${account.name} <${account.email}>${account.isAdmin ? " (instance admin)" : ""}`;
}

// The tests' local OpenAI-compatible server in a process of its own, so the judge pipeline being measured
// does not share its event loop. Prints its base URL on the first line of stdout, then serves until killed.
import { startFakeOpenAiServer, userText } from "../../tests/support/fake-openai-server";

const server = await startFakeOpenAiServer({ reply: (messages) => (userText(messages).length % 2 === 0 ? "1" : "0") });
process.stdout.write(`${server.baseUrl}\n`);
process.on("SIGTERM", () => void server.close().then(() => process.exit(0)));

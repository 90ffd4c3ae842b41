import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";

/**
 * Rows of a JSON Lines file, one line at a time. Lines that are not JSON are passed over: the server reports them
 * with their line numbers; here only the image paths of good rows matter.
 */
export async function* readJsonlRows(file: string): AsyncGenerator<unknown> {
  const lines = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  for await (const line of lines) {
    const text = line.trim();
    if (text === "") continue;
    const row = parseOrUndefined(text);
    if (row !== undefined) yield row;
  }
}

/**
 * The object and array elements of a top-level JSON array, each parsed alone: a small scanner tracks nesting and
 * strings so memory holds one element, not the file. Elements that do not parse are passed over, as in readJsonlRows.
 */
export async function* readJsonArrayRows(file: string): AsyncGenerator<unknown> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let element = ""; // the current element's text from earlier chunks
  for await (const chunk of createReadStream(file, { encoding: "utf8" }) as AsyncIterable<string>) {
    let start = depth >= 2 ? 0 : -1;
    for (let index = 0; index < chunk.length; index++) {
      const character = chunk[index];
      if (inString) {
        if (escaped) escaped = false;
        else if (character === "\\") escaped = true;
        else if (character === '"') inString = false;
      } else if (character === '"') {
        inString = true;
      } else if (character === "{" || character === "[") {
        depth += 1;
        if (depth === 2) start = index;
      } else if (character === "}" || character === "]") {
        depth -= 1;
        if (depth === 1 && start >= 0) {
          const row = parseOrUndefined(element + chunk.slice(start, index + 1));
          element = "";
          start = -1;
          if (row !== undefined) yield row;
        }
      }
    }
    if (start >= 0) element += chunk.slice(start);
  }
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

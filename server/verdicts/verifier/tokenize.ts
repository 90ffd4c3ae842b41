// LaTeX (or plain arithmetic) split into tokens for the parser.

export type Token =
  | { k: "num"; text: string }
  | { k: "letter"; text: string }
  | { k: "cmd"; text: string }
  | { k: "punct"; text: string }
  | { k: "textarg"; text: string };

const unicodeSymbols: Record<string, Token> = {
  "≤": { k: "cmd", text: "le" },
  "≥": { k: "cmd", text: "ge" },
  "≠": { k: "cmd", text: "neq" },
  "×": { k: "cmd", text: "times" },
  "·": { k: "cmd", text: "cdot" },
  "÷": { k: "cmd", text: "div" },
  "π": { k: "cmd", text: "pi" },
  "∞": { k: "cmd", text: "infty" },
  "±": { k: "cmd", text: "pm" },
  "√": { k: "cmd", text: "sqrt" },
  "∪": { k: "cmd", text: "cup" },
  "−": { k: "punct", text: "-" },
};

export class ParseError extends Error {}

/** Tokens of `source`; `\text{…}` and `\mbox{…}` keep their content verbatim as one token. */
export function tokenize(source: string, check: () => void): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    check();
    const char = source[index];
    if (char === " " || char === "\t" || char === "\n") {
      index++;
    } else if (/[0-9]/.test(char) || (char === "." && /[0-9]/.test(source[index + 1] ?? ""))) {
      // A trailing dot (`3.`) belongs to the number, as in Python: it makes a float.
      const number = /^[0-9]*\.?[0-9]+\.?|^[0-9]+\.?/.exec(source.slice(index, index + 400));
      if (!number) throw new ParseError(`bad number at ${index}`);
      const text = /\..*\./.test(number[0]) ? number[0].slice(0, -1) : number[0];
      tokens.push({ k: "num", text });
      index += text.length;
    } else if (/[A-Za-z]/.test(char)) {
      tokens.push({ k: "letter", text: char });
      index++;
    } else if (char === "\\") {
      const command = /^\\([A-Za-z]+|.)/.exec(source.slice(index, index + 40));
      if (!command) throw new ParseError("lone backslash at the end");
      index += command[0].length;
      const name = command[1];
      if (name === "text" || name === "mbox" || name === "textrm") {
        const argument = readBraced(source, index);
        tokens.push({ k: "textarg", text: argument.content });
        index = argument.end;
      } else {
        tokens.push({ k: "cmd", text: name });
      }
    } else if (unicodeSymbols[char]) {
      tokens.push(unicodeSymbols[char]);
      index++;
    } else if ("+-*/^_()[]{},;|=<>!&':%".includes(char)) {
      tokens.push({ k: "punct", text: char });
      index++;
    } else {
      throw new ParseError(`unexpected character ${JSON.stringify(char)}`);
    }
  }
  return tokens;
}

function readBraced(source: string, from: number): { content: string; end: number } {
  let index = from;
  while (source[index] === " ") index++;
  if (source[index] !== "{") throw new ParseError("\\text without braces");
  let depth = 0;
  for (let cursor = index; cursor < source.length; cursor++) {
    if (source[cursor] === "{") depth++;
    else if (source[cursor] === "}" && --depth === 0) return { content: source.slice(index + 1, cursor), end: cursor + 1 };
  }
  throw new ParseError("unclosed \\text");
}

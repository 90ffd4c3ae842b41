// Words a shell reads as themselves: no quoting needed, so the preview stays readable.
const plainWord = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One argument for `bash -c`, single-quoted unless it is plain. */
export function shellQuote(word: string): string {
  if (plainWord.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** A command line from already-quoted words, one argument group per line so the preview reads like the recipe's scripts. */
export function commandLines(program: string, lines: string[]): string {
  return [program, ...lines].join(" \\\n    ");
}

/**
 * Full-text search over samples with one tokenizer for both sides: the words stored with a sample and the words of a
 * query are cut the same way, here. Postgres's own `to_tsvector` parser cost about half of an import's database
 * time at a million rows; casting a ready list of words to `tsvector` is several times cheaper.
 *
 * A word is a run of letters, digits and combining marks, lower-cased. Positions are not stored, so a quoted phrase
 * matches samples holding all of its words, in any order.
 */

/** Longer runs (base64 blobs, hashes) are not words anyone searches for, and would bloat the index. */
const maxWordLength = 100;
const wordSeparator = /[^\p{L}\p{N}\p{M}]+/u;

function addWords(text: string, words: Set<string>): Set<string> {
  // Splitting on separators is faster than matching words, and this runs on every imported row.
  for (const word of text.toLowerCase().split(wordSeparator)) if (word.length > 0 && word.length <= maxWordLength) words.add(word);
  return words;
}

export function searchWords(text: string): string[] {
  return [...addWords(text, new Set())];
}

/**
 * `tsvector` input text. Words need no quotes: they hold only letters, digits and marks, never the quote, colon,
 * backslash or space that tsvector input reads as syntax.
 */
export function searchVectorText(...texts: (string | null | undefined)[]): string {
  const words = new Set<string>();
  for (const text of texts) if (text) addWords(text, words);
  return [...words].join(" ");
}

type QueryTerm = { word: string; prefix: boolean; negated: boolean };

/**
 * A search box's text as `tsquery` input: words must all appear; `-word` must not; `word*` matches words starting
 * with it; `or` between two terms accepts either; a "quoted phrase" needs each of its words. Null when the text holds
 * no word at all.
 */
export function searchQueryText(input: string): string | null {
  const groups: QueryTerm[][] = [[]];
  let orPending = false;
  let afterSingleWord = false;
  for (const [, quoted, bare] of input.matchAll(/"([^"]*)"?|(\S+)/g)) {
    if (bare !== undefined && bare.toLowerCase() === "or" && groups.at(-1)!.length > 0) {
      // Alternatives of single words only; after a phrase the `or` is dropped and both sides are required.
      orPending = afterSingleWord;
      afterSingleWord = false;
      continue;
    }
    const negated = bare?.startsWith("-") ?? false;
    const words = searchWords(quoted ?? bare);
    if (words.length === 0) continue;
    const prefix = bare !== undefined && bare.endsWith("*") && words.length === 1;
    const terms = words.map((word) => ({ word, prefix, negated }));
    const singleWord = !negated && terms.length === 1;
    // `or` joins two single words; a phrase's words are each required.
    if (orPending && singleWord) groups.at(-1)!.push(terms[0]);
    else for (const term of terms) groups.push([term]);
    orPending = false;
    afterSingleWord = singleWord;
  }
  const clauses = groups.filter((group) => group.length > 0).map((group) => group.map(termText).join(" | "));
  if (clauses.length === 0) return null;
  return clauses.map((clause) => (clause.includes(" | ") ? `(${clause})` : clause)).join(" & ");
}

function termText({ word, prefix, negated }: QueryTerm): string {
  return `${negated ? "!" : ""}'${word}'${prefix ? ":*" : ""}`;
}

/**
 * Full-text search over samples with one tokenizer for both sides: the words stored with a sample and the words of a
 * query are cut the same way, here. Postgres's own `to_tsvector` parser cost about half of an import's database
 * time at a million rows; casting a ready list of words to `tsvector` is several times cheaper.
 *
 * A word is a run of letters, digits and combining marks, lower-cased. Positions are not stored, so a quoted phrase
 * matches samples holding all of its words, in any order. English stop words are neither stored nor searched for, as
 * Postgres's `english` configuration does: they are in nearly every sample, so they select nothing, and their
 * posting lists were a sixth of the database's import cost.
 */

/** Longer runs (base64 blobs, hashes) are not words anyone searches for, and would bloat the index. */
const maxWordLength = 100;
const wordSeparator = /[^\p{L}\p{N}\p{M}]+/u;

/** The stop word list of Postgres's `english` configuration (tsearch_data/english.stop, from Snowball). */
const stopWords = new Set(
  (
    "i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it its itself " +
    "they them their theirs themselves what which who whom this that these those am is are was were be been being have has had " +
    "having do does did doing a an the and but if or because as until while of at by for with about against between into through " +
    "during before after above below to from up down in out on off over under again further then once here there when where why how " +
    "all any both each few more most other some such no nor not only own same so than too very s t can will just don should now"
  ).split(" "),
);

function addWords(text: string, words: Set<string>, keepStopWords = false): Set<string> {
  // Splitting on separators is faster than matching words, and this runs on every imported row.
  for (const word of text.toLowerCase().split(wordSeparator)) {
    if (word.length > 0 && word.length <= maxWordLength && (keepStopWords || !stopWords.has(word))) words.add(word);
  }
  return words;
}

/** The searchable words of `text`; `keepStopWords` for a prefix (`an*` is a search for words starting "an"). */
export function searchWords(text: string, keepStopWords = false): string[] {
  return [...addWords(text, new Set(), keepStopWords)];
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
    const prefixed = bare !== undefined && bare.endsWith("*");
    const words = searchWords(quoted ?? bare, prefixed);
    if (words.length === 0) continue;
    const prefix = prefixed && words.length === 1;
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

// LaTeX normalisation before parsing: boxes, clean-up of formatting commands, units, small fixes.

interface Box {
  start: number;
  end: number;
  content: string;
}

const boxCommand = /\\(?:boxed|fbox)\s*\{/g;

/** Every outermost `\boxed{…}` / `\fbox{…}`, brace-matched; an unclosed box takes the rest of the text. */
export function findBoxes(text: string): Box[] {
  const boxes: Box[] = [];
  boxCommand.lastIndex = 0;
  for (let found = boxCommand.exec(text); found; found = boxCommand.exec(text)) {
    const open = found.index + found[0].length;
    let depth = 1;
    let index = open;
    for (; index < text.length && depth > 0; index++) {
      const char = text[index];
      if (char === "\\") index++;
      else if (char === "{") depth++;
      else if (char === "}") depth--;
    }
    const closed = depth === 0;
    const end = closed ? index : text.length;
    boxes.push({ start: found.index, end, content: text.slice(open, closed ? end - 1 : end) });
    boxCommand.lastIndex = end;
  }
  return boxes;
}

const listWord = /(?:^|[^A-Za-z])(?:and|or)(?![A-Za-z])|[,;]/;

/**
 * The bare-boxed reading ("last" mode): the last box, plus earlier boxes pulled in while the text between
 * two boxes is very short, or short, a list-like joint and the contents differ. Contents are joined as a set.
 */
export function lastBoxes(text: string): string | null {
  const boxes = findBoxes(text);
  if (boxes.length === 0) return null;
  const kept = [boxes[boxes.length - 1]];
  for (let index = boxes.length - 2; index >= 0; index--) {
    const gap = text.slice(boxes[index].end, kept[kept.length - 1].start);
    const differs = !kept.some((box) => box.content.trim() === boxes[index].content.trim());
    if (gap.length < 10 || (gap.length < 70 && listWord.test(gap) && differs)) kept.push(boxes[index]);
    else break;
  }
  return joinDistinct(kept.reverse().map((box) => box.content));
}

/** Every box of a math environment (the rest of the environment is dropped), or null when it has none. */
export function allBoxes(text: string): string | null {
  const boxes = findBoxes(text);
  return boxes.length === 0 ? null : joinDistinct(boxes.map((box) => box.content));
}

function joinDistinct(contents: string[]): string {
  const distinct: string[] = [];
  for (const content of contents) if (!distinct.includes(content.trim())) distinct.push(content.trim());
  return distinct.join(",");
}

// Unit words stripped from the end of an answer after a digit, `}` or a space (plurals included).
const unitWords = [
  "cm", "mm", "km", "meter", "meters", "metre", "metres", "centimeter", "centimeters", "millimeter", "millimeters",
  "kilometer", "kilometers", "inch", "inches", "ft", "foot", "feet", "yard", "yards", "mile", "miles", "mph",
  "kg", "gram", "grams", "kilogram", "kilograms", "lb", "lbs", "pound", "pounds", "ounce", "ounces", "oz", "ton", "tons",
  "sec", "second", "seconds", "min", "minute", "minutes", "hr", "hrs", "hour", "hours", "day", "days",
  "week", "weeks", "month", "months", "year", "years", "degree", "degrees", "deg", "rad", "radian", "radians",
  "unit", "units", "sq", "square", "cubic", "liter", "liters", "litre", "litres", "ml", "dollar", "dollars",
  "cent", "cents", "point", "points", "times", "percent",
].sort((a, b) => b.length - a.length);
const unitPower = "(?:\\^\\{?[23]\\}?|²|³)?\\s*$";
const trailingUnitWord = new RegExp(`(?<=[\\d}\\s])\\s*(?:${unitWords.join("|")})${unitPower}`);
// One-letter units (m, g, s, h, l) only straight after a number: `a + h` keeps its h.
const trailingUnitLetter = new RegExp(`(?<=\\d)\\s*(?:m|g|s|h|l|in)${unitPower}`);
const trailingText = /(?<=\S)\s*\\(?:text|mbox)\{[^{}]*\}(?:\^\{?[23]\}?|²|³)?\s*$/;

const formattingToText = /\\(?:mathrm|mathit|mathbf|mathsf|mathtt|textbf|textit|textrm|textnormal|mathbb|mathcal|bm|boldsymbol)\s*\{/g;
const spacing = /(?<!\\)\\[,;:> ]|\\q?quad\b|~/g;
const degrees = /\^\s*\{\s*\\circ\s*\}|\^\s*\\circ|\\circ|°|\\degree(?![A-Za-z])/g;

/** Formatting clean-up and units, in the order the reference applies them; the result is what the parser reads. */
export function normalizeLatex(latex: string): string {
  let text = latex;
  text = text.replace(/\r?\n/g, " ");
  // A doubled backslash before a command is an escaping slip, except in matrices where `\\` ends a row.
  if (!text.includes("\\begin{")) text = text.replace(/\\\\(?=[A-Za-z])/g, "\\");
  text = text.replace(/\\(?:left|right|bigl|bigr|Bigl|Bigr|big|Big)(?![A-Za-z])\s*/g, "");
  text = text.replace(/\\(?:middle)(?![A-Za-z])/g, "");
  text = text.replace(formattingToText, "\\text{");
  text = text.replace(/\\(?:textup|textsf|texttt|operatorname\*?)\s*\{/g, (found) => (found.startsWith("\\operatorname") ? "\\operatorname{" : "\\text{"));
  text = text.replace(/\\[dtc]frac(?![A-Za-z])/g, "\\frac");
  text = text.replace(/\\displaystyle|\\!\s*|\\\$|\$|"/g, "");
  text = text.replace(/\\text\{\s*\(([^{}()]*)\)\s*\}/g, "\\text{$1}");
  text = text.replace(/\\text\{\s*(and|or)\s*\}/g, ",");
  text = text.replace(/(?<![A-Za-z\\])(?:and|or)(?![A-Za-z])/g, ",");
  text = text.replace(/(?<![A-Za-z\\])(?:percentage|percent|pct)(?![A-Za-z])/g, "\\%");
  text = text.replace(/(?<![A-Za-z\\])inf(?:inity)?(?![A-Za-z])/g, "\\infty");
  text = text.replace(degrees, "");
  text = text.replace(spacing, " ");
  text = text.replace(/\{,\}/g, ",");
  text = text.replace(/\\approx[^,;]*/g, "");
  text = stripUnits(text.trim());
  if (text.startsWith(".")) text = `0${text}`;
  if (text === "0.5") text = "\\frac{1}{2}";
  return text.trim();
}

function stripUnits(text: string): string {
  let current = text;
  for (let pass = 0; pass < 3; pass++) {
    const next = current.replace(trailingText, "").replace(trailingUnitWord, "").replace(trailingUnitLetter, "").trim();
    if (next === current || next === "") return current;
    current = next;
  }
  return current;
}

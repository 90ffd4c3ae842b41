/**
 * Terminal colours (SGR escape sequences) in a log line, turned into styled text segments a component renders as
 * spans. Every other escape sequence (cursor moves, window titles, hyperlinks) is dropped. The log viewer is dark in
 * both themes, so the palette is chosen for a dark background.
 */

export interface AnsiStyle {
  color?: string;
  background?: string;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  inverse?: boolean;
}

export interface AnsiSegment {
  text: string;
  style: AnsiStyle;
}

// Tailwind 400/300 shades: readable on zinc-950. Black is zinc-500, so "black" text stays visible.
const basic = ["#71717a", "#f87171", "#4ade80", "#facc15", "#60a5fa", "#e879f9", "#22d3ee", "#e4e4e7"];
const bright = ["#a1a1aa", "#fca5a5", "#86efac", "#fde047", "#93c5fd", "#f0abfc", "#67e8f9", "#fafafa"];

// CSI (ESC [ params final) and OSC (ESC ] … BEL or ESC \) sequences; a lone ESC is dropped too.
const ESCAPE = /\x1b\[([0-?]*)[ -/]*([@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b/g;

const cubeLevel = (n: number) => (n === 0 ? 0 : 55 + n * 40);
const hex = (r: number, g: number, b: number) => `#${[r, g, b].map((v) => Math.max(0, Math.min(255, v)).toString(16).padStart(2, "0")).join("")}`;

/** xterm's 256-colour table: 16 named colours, a 6×6×6 cube, then 24 greys. */
function colour256(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 0 || n > 255) return undefined;
  if (n < 8) return basic[n];
  if (n < 16) return bright[n - 8];
  if (n < 232) {
    const i = n - 16;
    return hex(cubeLevel(Math.floor(i / 36)), cubeLevel(Math.floor(i / 6) % 6), cubeLevel(i % 6));
  }
  const grey = 8 + (n - 232) * 10;
  return hex(grey, grey, grey);
}

/** Reads `38;5;n` or `38;2;r;g;b` starting at codes[at]; returns the colour and how many codes it used. */
function extendedColour(codes: number[], at: number): [string | undefined, number] {
  if (codes[at] === 5) return [colour256(codes[at + 1]), 2];
  if (codes[at] === 2) return [hex(codes[at + 1] ?? 0, codes[at + 2] ?? 0, codes[at + 3] ?? 0), 4];
  return [undefined, 0];
}

function applySgr(style: AnsiStyle, params: string): AnsiStyle {
  const codes = params === "" ? [0] : params.split(/[;:]/).map((p) => (p === "" ? 0 : Number(p)));
  let next = { ...style };
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (code === 0) next = {};
    else if (code === 1) next.bold = true;
    else if (code === 2) next.dim = true;
    else if (code === 3) next.italic = true;
    else if (code === 4) next.underline = true;
    else if (code === 7) next.inverse = true;
    else if (code === 9) next.strike = true;
    else if (code === 22) next.bold = next.dim = false;
    else if (code === 23) next.italic = false;
    else if (code === 24) next.underline = false;
    else if (code === 27) next.inverse = false;
    else if (code === 29) next.strike = false;
    else if (code >= 30 && code <= 37) next.color = basic[code - 30];
    else if (code >= 90 && code <= 97) next.color = bright[code - 90];
    else if (code >= 40 && code <= 47) next.background = basic[code - 40];
    else if (code >= 100 && code <= 107) next.background = bright[code - 100];
    else if (code === 39) next.color = undefined;
    else if (code === 49) next.background = undefined;
    else if (code === 38 || code === 48) {
      const [colour, used] = extendedColour(codes, i + 1);
      if (code === 38) next.color = colour;
      else next.background = colour;
      i += used;
    }
  }
  return next;
}

/** Splits a line into styled segments; adjacent text with the same style stays one segment. */
export function parseAnsi(line: string): AnsiSegment[] {
  if (!line.includes("\x1b")) return line === "" ? [] : [{ text: line, style: {} }];
  const segments: AnsiSegment[] = [];
  let style: AnsiStyle = {};
  let last = 0;
  const push = (text: string) => {
    if (text !== "") segments.push({ text, style });
  };
  for (const match of line.matchAll(ESCAPE)) {
    push(line.slice(last, match.index));
    last = match.index + match[0].length;
    // Only SGR (final byte "m") changes how text looks.
    if (match[2] === "m") style = applySgr(style, match[1]);
  }
  push(line.slice(last));
  return segments;
}

/** The text a terminal shows, without escape sequences: what search matches against. */
export function ansiPlainText(line: string): string {
  return line.includes("\x1b") ? line.replace(ESCAPE, "") : line;
}

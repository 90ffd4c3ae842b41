import type { AnsiSegment } from "./ansi";

export interface MarkedSegment extends AnsiSegment {
  /** Part of a search match. */
  match: boolean;
}

/**
 * Cuts styled segments where case-insensitive matches of `needle` begin and end, so a match that spans colours
 * (a coloured prefix and plain text) is marked in every piece.
 */
export function markMatches(segments: AnsiSegment[], needle: string): MarkedSegment[] {
  const plain = segments.map((s) => s.text).join("").toLowerCase();
  const query = needle.toLowerCase();
  const ranges: [number, number][] = [];
  if (query !== "") {
    for (let at = plain.indexOf(query); at >= 0; at = plain.indexOf(query, at + query.length)) ranges.push([at, at + query.length]);
  }
  if (ranges.length === 0) return segments.map((s) => ({ ...s, match: false }));
  const marked: MarkedSegment[] = [];
  let offset = 0;
  let range = 0;
  for (const segment of segments) {
    const end = offset + segment.text.length;
    let at = offset;
    while (at < end) {
      while (range < ranges.length && ranges[range][1] <= at) range++;
      const current = ranges[range];
      const inside = current !== undefined && current[0] <= at;
      const stop = inside ? Math.min(end, current[1]) : Math.min(end, current?.[0] ?? end);
      marked.push({ text: segment.text.slice(at - offset, stop - offset), style: segment.style, match: inside });
      at = stop;
    }
    offset = end;
  }
  return marked;
}

/** `?runs=1,2,3`: the compared run ids, in the order given, without repeats or junk; at most `max`. */
export function readRunIds(value: string | null, max = 8): number[] {
  const ids = (value ?? "")
    .split(",")
    .map((part) => Number(part.trim()))
    .filter((id) => Number.isSafeInteger(id) && id > 0);
  return [...new Set(ids)].slice(0, max);
}

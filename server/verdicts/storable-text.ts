/** Text as it can be stored and shown: NUL bytes removed (Postgres text cannot hold them), cut to `maxChars` with a mark. */
export function storableText(text: string, maxChars: number): string {
  const clean = text.includes("\u0000") ? text.replaceAll("\u0000", "") : text;
  return clean.length > maxChars ? `${clean.slice(0, maxChars - 1)}…` : clean;
}

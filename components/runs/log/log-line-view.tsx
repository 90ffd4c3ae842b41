import { memo, type CSSProperties } from "react";
import { parseAnsi, type AnsiStyle } from "./ansi";
import { markMatches } from "./highlight";

function cssOf(style: AnsiStyle): CSSProperties | undefined {
  const color = style.inverse ? (style.background ?? "#09090b") : style.color;
  const background = style.inverse ? (style.color ?? "#f4f4f5") : style.background;
  if (!color && !background && !style.bold && !style.dim && !style.italic && !style.underline && !style.strike) return undefined;
  return {
    color,
    backgroundColor: background,
    fontWeight: style.bold ? 600 : undefined,
    opacity: style.dim ? 0.6 : undefined,
    fontStyle: style.italic ? "italic" : undefined,
    textDecoration: [style.underline && "underline", style.strike && "line-through"].filter(Boolean).join(" ") || undefined,
  };
}

/** One log line: its colours as styled spans (React escapes the text: run output is untrusted), search matches marked. */
export const LogLineView = memo(function LogLineView({ number, text, query, current }: { number: number; text: string; query: string; current: boolean }) {
  return (
    <div className={`flex whitespace-pre ${current ? "bg-amber-400/15" : ""}`}>
      <span className="sticky left-0 w-14 shrink-0 select-none bg-zinc-950 pr-3 text-right text-zinc-600" aria-hidden>
        {number}
      </span>
      <span data-testid="log-line">
        {markMatches(parseAnsi(text), query).map((segment, index) =>
          segment.match ? (
            <mark key={index} style={cssOf({ ...segment.style, color: undefined, background: undefined, inverse: false })} className="rounded-sm bg-amber-300/80 text-zinc-950">
              {segment.text}
            </mark>
          ) : (
            <span key={index} style={cssOf(segment.style)}>
              {segment.text}
            </span>
          ),
        )}
      </span>
    </div>
  );
});

"use client";
import "katex/dist/katex.min.css";
import { memo } from "react";
import Markdown, { type Components } from "react-markdown";
import rehypeKatex from "rehype-katex";
import remarkMath from "remark-math";
import { normaliseMathDelimiters } from "./trace-sections";

// Dataset and model text is untrusted. Without rehype-raw, react-markdown shows raw HTML as literal text; links keep only
// absolute http(s) and mailto URLs; markdown images never load (a remote URL would leak the viewer's visit).
const safeUrl = (url: string) => (/^(https?:\/\/|mailto:)/i.test(url) ? url : "");

// KaTeX without `trust` refuses \href, \url and HTML extensions; the limits keep a hostile macro from hanging the page.
const katexOptions = { maxSize: 20, maxExpand: 500, strict: false } as const;

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="text-indigo-600 underline dark:text-indigo-400">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  img: ({ alt, src }) => (
    <span className="rounded bg-zinc-100 px-1 font-mono text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400">
      [image{alt ? `: ${alt}` : ""}{typeof src === "string" && src ? ` (${src})` : ""}]
    </span>
  ),
  p: ({ children }) => <p className="my-2 first:mt-0 last:mb-0">{children}</p>,
  ul: ({ children }) => <ul className="my-2 list-disc pl-6">{children}</ul>,
  ol: ({ children }) => <ol className="my-2 list-decimal pl-6">{children}</ol>,
  blockquote: ({ children }) => <blockquote className="my-2 border-l-2 border-zinc-300 pl-3 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">{children}</blockquote>,
  pre: ({ children }) => <pre className="my-2 overflow-x-auto rounded-md bg-zinc-100 p-3 text-xs dark:bg-zinc-950 [&>code]:bg-transparent [&>code]:p-0">{children}</pre>,
  code: ({ children }) => <code className="rounded bg-zinc-100 px-1 font-mono text-[0.85em] dark:bg-zinc-800">{children}</code>,
  h1: ({ children }) => <p className="my-2 font-semibold">{children}</p>,
  h2: ({ children }) => <p className="my-2 font-semibold">{children}</p>,
  h3: ({ children }) => <p className="my-2 font-semibold">{children}</p>,
  table: ({ children }) => <table className="my-2 border-collapse text-xs [&_td]:border [&_td]:px-2 [&_td]:py-1 [&_th]:border [&_th]:px-2 [&_th]:py-1 [&_td]:border-zinc-300 [&_th]:border-zinc-300 dark:[&_td]:border-zinc-700 dark:[&_th]:border-zinc-700">{children}</table>,
};

/** Markdown with LaTeX for dataset and model text, rendered inert. */
export const SafeMarkdown = memo(function SafeMarkdown({ text, className = "" }: { text: string; className?: string }) {
  return (
    <div className={`min-w-0 break-words text-sm leading-6 [&_.katex-display]:overflow-x-auto [&_.katex-display]:overflow-y-hidden ${className}`}>
      <Markdown
        remarkPlugins={[remarkMath]}
        rehypePlugins={[[rehypeKatex, katexOptions]]}
        urlTransform={safeUrl}
        components={components}
      >
        {normaliseMathDelimiters(text)}
      </Markdown>
    </div>
  );
});

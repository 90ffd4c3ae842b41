"use client";
import { useState } from "react";

/** Shows a secret once, with a copy button; it cannot be shown again after the page changes. */
export function SecretReveal({ label, secret }: { label: string; secret: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950">
      <p className="mb-1 text-amber-900 dark:text-amber-200">{label}</p>
      <div className="flex items-center gap-2">
        <code data-testid="revealed-secret" className="min-w-0 flex-1 break-all rounded bg-white px-2 py-1 font-mono text-xs dark:bg-zinc-900">
          {secret}
        </code>
        <button
          type="button"
          className="text-xs text-amber-900 underline dark:text-amber-200"
          onClick={async () => {
            await navigator.clipboard.writeText(secret);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
    </div>
  );
}

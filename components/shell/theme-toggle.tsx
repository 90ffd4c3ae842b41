"use client";
import { useTheme } from "next-themes";
import { useSyncExternalStore } from "react";

const subscribeToNothing = () => () => {};

export function ThemeToggle() {
  const { resolvedTheme, setTheme } = useTheme();
  // The theme is known only in the browser: the server snapshot renders a neutral button, avoiding a hydration mismatch.
  const inBrowser = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  const dark = inBrowser && resolvedTheme === "dark";
  return (
    <button
      type="button"
      onClick={() => setTheme(dark ? "light" : "dark")}
      aria-label={dark ? "Switch to light theme" : "Switch to dark theme"}
      className="rounded-md p-1.5 text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"
    >
      {dark ? "☀" : "☾"}
    </button>
  );
}

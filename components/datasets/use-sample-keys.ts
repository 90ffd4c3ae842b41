"use client";
import { useEffect } from "react";

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

/** j / k for the next / previous sample and Escape for the list, except while typing or when `enabled` is false. */
export function useSampleKeys(actions: { next?: () => void; previous?: () => void; back: () => void }, enabled: boolean) {
  const { next, previous, back } = actions;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === "Escape") {
        // Escape in a field only leaves the field.
        if (isTyping(event.target)) return (event.target as HTMLElement).blur();
        back();
      } else if (!isTyping(event.target) && event.key === "j" && next) next();
      else if (!isTyping(event.target) && event.key === "k" && previous) previous();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [next, previous, back, enabled]);
}

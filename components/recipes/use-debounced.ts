"use client";
import { useEffect, useState } from "react";

/** `value` once it has stopped changing for `delayMs`: a preview per pause in typing, not per keystroke. */
export function useDebounced<T extends string | number | boolean>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

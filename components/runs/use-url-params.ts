"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";

export type ParamChanges = Record<string, string | string[] | null>;

/**
 * The page's URL query as state, so every view is a shareable link. `update` replaces the entry in history (no new
 * entry per slider move) and leaves the other parameters as they are; null removes one, an array repeats it.
 */
export function useUrlParams(): [URLSearchParams, (changes: ParamChanges) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const update = useCallback(
    (changes: ParamChanges) => {
      const next = new URLSearchParams(params.toString());
      for (const [name, value] of Object.entries(changes)) {
        next.delete(name);
        if (Array.isArray(value)) for (const item of value) next.append(name, item);
        else if (value !== null) next.set(name, value);
      }
      const query = next.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [params, router, pathname],
  );
  return [new URLSearchParams(params.toString()), update];
}

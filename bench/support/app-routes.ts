import { readdirSync } from "node:fs";
import path from "node:path";

/** A page of the App Router, e.g. label "/p/[project]/runs" matching "/p/demo/runs". */
export interface PageRoute {
  label: string;
  pattern: RegExp;
}

const appDir = path.resolve(import.meta.dirname, "../../app");
const pageFile = /^page\.(tsx|ts|jsx|js)$/;

function segmentPattern(segment: string): string {
  if (segment.startsWith("[[...")) return "(?:/.*)?";
  if (segment.startsWith("[...")) return "/.+";
  if (segment.startsWith("[")) return "/[^/]+";
  return `/${segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`;
}

/** Every page under app/, read from the folders so that pages added later are measured without listing them here. */
export function listPageRoutes(dir = appDir, segments: string[] = []): PageRoute[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  const here: PageRoute[] = entries.some((entry) => entry.isFile() && pageFile.test(entry.name))
    ? [
        {
          label: `/${segments.join("/")}`,
          pattern: new RegExp(`^${segments.map(segmentPattern).join("")}/?$`),
        },
      ]
    : [];
  const nested = entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("_") && !entry.name.startsWith("@") && entry.name !== "api")
    // Route groups such as (app) organise folders without adding a URL segment.
    .flatMap((entry) =>
      listPageRoutes(path.join(dir, entry.name), /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name]),
    );
  return [...here, ...nested];
}

// As in Next, a static segment beats a dynamic one, which beats a catch-all, from left to right:
// /p/demo/datasets/import is /p/[project]/datasets/import, not /p/[project]/datasets/[datasetId].
function specificity(route: PageRoute): string {
  return route.label
    .split("/")
    .map((segment) => (segment.startsWith("[[...") ? "3" : segment.startsWith("[...") ? "2" : segment.startsWith("[") ? "1" : "0"))
    .join("");
}

export function routeOf(routes: PageRoute[], pathname: string): PageRoute | undefined {
  const matching = routes.filter((route) => route.pattern.test(pathname));
  return matching.sort((a, b) => specificity(a).localeCompare(specificity(b)))[0];
}

/** The route's URL with its [params] filled in, or null when a value is missing (catch-alls are never filled). */
export function urlFor(route: PageRoute, params: Record<string, string>): string | null {
  const segments = route.label.split("/").map((segment) => {
    const name = /^\[(\w+)\]$/.exec(segment)?.[1];
    return name ? params[name] : segment.startsWith("[") ? undefined : segment;
  });
  return segments.every((segment) => segment !== undefined) ? segments.join("/") || "/" : null;
}

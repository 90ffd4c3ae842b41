// First-load JavaScript of each page of the built app, read from what the server really sends (Turbopack
// build manifests are not a reliable source in Next 16): every <script src> of the page's HTML, fetched and
// summed, raw and gzip. Pages come from the app/ folders; a dynamic page is measured at the first URL of
// its shape that the crawl meets (links and redirects of the pages, signed in as the first admin), or with
// the `sampleParams` filled in.
import { listPageRoutes, routeOf, urlFor, type PageRoute } from "./support/app-routes";
import { progress, runBenchmark, type BenchRow } from "./support/bench-row";
import { prepareBuild, startApp, waitForOk, type StartedApp } from "./support/built-app";
import { internalLinks, ScriptSizes, scriptSources, sizeOf, type Size } from "./support/page-scripts";

const maxPageFetches = 100;
// Values for dynamic segments, so that pages whose links are rendered in the browser (or not at all) are
// measured too: the demo project, and run 1, the seed-demo job of a fresh instance.
const sampleParams: Record<string, string> = { project: "demo", runId: "1" };
const kB = (bytes: number) => bytes / 1000;

interface PageWeight {
  route: PageRoute;
  url: string;
  scripts: Map<string, Size>;
  html: Size;
}

class PageCrawl {
  readonly weights = new Map<string, PageWeight>();
  /** Why a page was not measured, by route label (redirected, 404, ...). */
  readonly unmeasured = new Map<string, string>();
  private readonly scriptSizes = new ScriptSizes();

  constructor(
    private readonly app: StartedApp,
    private readonly routes: PageRoute[],
  ) {}

  async crawl(start: string[], cookie?: string): Promise<void> {
    const queue = [...start];
    // Per crawl: a page seen anonymously (redirected to sign-in) is fetched again once signed in.
    const visited = new Set<string>();
    while (queue.length > 0 && visited.size < maxPageFetches) {
      const target = queue.shift()!;
      const url = new URL(target, this.app.baseURL);
      const route = routeOf(this.routes, url.pathname);
      if (!route || visited.has(url.href)) continue;
      visited.add(url.href);
      const response = await fetch(url, { redirect: "manual", headers: cookie ? { cookie } : {} });
      const html = await response.text();
      const location = response.headers.get("location");
      if (location) {
        this.note(route, `${url.pathname} redirects`);
        queue.push(location);
      } else if (response.status !== 200) {
        this.note(route, `${url.pathname} answered ${response.status}`);
      } else {
        if (!this.weights.has(route.label)) await this.measure(route, url.href, html);
        queue.push(...internalLinks(html));
      }
    }
  }

  private note(route: PageRoute, reason: string) {
    if (!this.weights.has(route.label) && !this.unmeasured.has(route.label)) this.unmeasured.set(route.label, reason);
  }

  private async measure(route: PageRoute, url: string, html: string) {
    const sources = scriptSources(html, this.app.baseURL);
    const sizes = await Promise.all(sources.map((source) => this.scriptSizes.get(source)));
    this.weights.set(route.label, {
      route,
      url: new URL(url).pathname,
      scripts: new Map(sources.map((source, index) => [source, sizes[index]])),
      html: sizeOf(new TextEncoder().encode(html)),
    });
    this.unmeasured.delete(route.label);
  }
}

async function signUpFirstAdmin(app: StartedApp): Promise<string> {
  const response = await fetch(`${app.baseURL}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app.baseURL },
    body: JSON.stringify({ name: "Bench Admin", email: "bench@example.com", password: "a long bench password" }),
  });
  if (!response.ok) throw new Error(`sign-up failed (${response.status}): ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

function total(sizes: Iterable<Size>): Size {
  let raw = 0;
  let gzip = 0;
  for (const size of sizes) {
    raw += size.raw;
    gzip += size.gzip;
  }
  return { raw, gzip };
}

function pageRow(weight: PageWeight): BenchRow {
  const js = total(weight.scripts.values());
  return {
    name: `first-load JS ${weight.route.label}`,
    value: kB(js.gzip),
    unit: "kB gzip",
    note: `${kB(js.raw).toFixed(1)} kB raw in ${weight.scripts.size} scripts; HTML ${kB(weight.html.gzip).toFixed(1)} kB gzip; at ${weight.url}`,
  };
}

/** The scripts every measured page loads: what a visitor downloads once, whatever page comes first. */
function sharedRow(weights: PageWeight[]): BenchRow {
  const [first, ...rest] = weights;
  const shared = [...first.scripts].filter(([source]) => rest.every((weight) => weight.scripts.has(source)));
  const size = total(shared.map(([, s]) => s));
  return {
    name: "first-load JS shared by all pages",
    value: kB(size.gzip),
    unit: "kB gzip",
    note: `${kB(size.raw).toFixed(1)} kB raw in ${shared.length} scripts`,
  };
}

await runBenchmark(async () => {
  const routes = listPageRoutes();
  await prepareBuild();
  const app = await startApp();
  try {
    await waitForOk(app, "/sign-in");
    const crawl = new PageCrawl(app, routes);
    const urls = (params: Record<string, string>) => routes.flatMap((route) => urlFor(route, params) ?? []);
    // Anonymous first: /sign-up shows its form only while no account exists.
    await crawl.crawl(urls({}));
    const cookie = await signUpFirstAdmin(app);
    await crawl.crawl(["/", ...urls(sampleParams)], cookie);

    const weights = [...crawl.weights.values()].sort((a, b) => a.route.label.localeCompare(b.route.label));
    const missing = routes.filter((route) => !crawl.weights.has(route.label));
    progress(`measured ${weights.length} of ${routes.length} pages`);
    const rows = [sharedRow(weights), ...weights.map(pageRow)];
    if (missing.length > 0) {
      rows.push({
        name: "pages not measured",
        value: missing.length,
        unit: "pages",
        note: missing.map((route) => `${route.label} (${crawl.unmeasured.get(route.label) ?? "no link found"})`).join("; "),
      });
    }
    return rows;
  } finally {
    await app.stop();
  }
});

import { gzipSync } from "node:zlib";

export interface Size {
  raw: number;
  gzip: number;
}

export function sizeOf(bytes: Uint8Array): Size {
  return { raw: bytes.byteLength, gzip: gzipSync(bytes).byteLength };
}

function decodeAttribute(value: string): string {
  return value.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'");
}

/**
 * The JavaScript files a browser loads for this HTML: every <script src>, except `nomodule` ones
 * (legacy polyfills that modern browsers skip).
 */
export function scriptSources(html: string, baseURL: string): string[] {
  const sources = new Set<string>();
  for (const [, attributes] of html.matchAll(/<script\b([^>]*)>/gi)) {
    const src = /\bsrc="([^"]+)"/i.exec(attributes)?.[1];
    if (src && !/\bnomodule\b/i.test(attributes)) sources.add(new URL(decodeAttribute(src), baseURL).href);
  }
  return [...sources];
}

/** Same-origin links of a page (href values starting with "/"), as path + query. */
export function internalLinks(html: string): string[] {
  return [...html.matchAll(/\bhref="(\/[^"#]*)"/g)].map(([, href]) => decodeAttribute(href));
}

/** Sizes of fetched scripts, each fetched once however many pages load it. */
export class ScriptSizes {
  private readonly sizes = new Map<string, Promise<Size>>();

  get(url: string): Promise<Size> {
    let size = this.sizes.get(url);
    if (!size) {
      size = fetch(url).then(async (response) => {
        if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
        return sizeOf(new Uint8Array(await response.arrayBuffer()));
      });
      this.sizes.set(url, size);
    }
    return size;
  }
}

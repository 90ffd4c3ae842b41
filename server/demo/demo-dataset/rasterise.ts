import "server-only";
import sharp from "sharp";
import type { DemoFigure } from "./types";

/** The figure as a PNG, rendered by librsvg through sharp. The stored images are rasters: SVG could carry script. */
export async function rasteriseFigure(figure: DemoFigure): Promise<Buffer> {
  return sharp(Buffer.from(figure.svg)).png().toBuffer();
}

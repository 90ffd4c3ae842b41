// SVG building blocks. librsvg rasterises these, so text uses a font every machine with fontconfig has (DejaVu Sans
// ships with it; "sans-serif" is the fallback) and nothing relies on CSS that librsvg ignores.

const fontFamily = "DejaVu Sans, sans-serif";

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A number rounded for coordinates: short SVG, and identical text for identical figures. */
export function coordinate(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export function svgDocument(width: number, height: number, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...body,
    "</svg>",
  ].join("\n");
}

export interface TextOptions {
  size?: number;
  anchor?: "start" | "middle" | "end";
  weight?: "normal" | "bold";
  fill?: string;
  /** A white outline behind the glyphs, so a label stays legible where it crosses a line. */
  halo?: boolean;
}

export function svgText(x: number, y: number, content: string, options: TextOptions = {}): string {
  const { size = 14, anchor = "middle", weight = "normal", fill = "#222222", halo = false } = options;
  const outline = halo ? ` stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke"` : "";
  return `<text x="${coordinate(x)}" y="${coordinate(y)}" font-family="${fontFamily}" font-size="${size}" font-weight="${weight}" text-anchor="${anchor}" fill="${fill}"${outline}>${escapeXml(content)}</text>`;
}

export function svgLine(x1: number, y1: number, x2: number, y2: number, stroke = "#222222", width = 2): string {
  return `<line x1="${coordinate(x1)}" y1="${coordinate(y1)}" x2="${coordinate(x2)}" y2="${coordinate(y2)}" stroke="${stroke}" stroke-width="${width}" stroke-linecap="round"/>`;
}

export function svgPolygon(points: [number, number][], fill: string, stroke = "#222222", extra = ""): string {
  const list = points.map(([x, y]) => `${coordinate(x)},${coordinate(y)}`).join(" ");
  return `<polygon points="${list}" fill="${fill}" stroke="${stroke}" stroke-width="2" stroke-linejoin="round"${extra}/>`;
}

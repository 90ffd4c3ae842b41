// Tailwind 500 shades, distinct in light and dark: indigo, amber, emerald, rose, sky, violet, lime, pink.
const palette = ["#6366f1", "#f59e0b", "#10b981", "#f43f5e", "#0ea5e9", "#8b5cf6", "#84cc16", "#ec4899"];

export function runColour(position: number): string {
  return palette[position % palette.length];
}

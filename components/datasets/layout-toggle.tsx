import type { BrowseLayout } from "./sample-view-params";

const layouts: { value: BrowseLayout; label: string }[] = [
  { value: "list", label: "List" },
  { value: "grid", label: "Grid" },
];

export function LayoutToggle({ layout, onChange }: { layout: BrowseLayout; onChange: (layout: BrowseLayout) => void }) {
  return (
    <div role="radiogroup" aria-label="Layout" className="flex rounded-md border border-zinc-300 p-0.5 dark:border-zinc-700">
      {layouts.map((option) => (
        <button
          key={option.value}
          type="button"
          role="radio"
          aria-checked={layout === option.value}
          onClick={() => onChange(option.value)}
          className={`rounded px-2.5 py-0.5 text-xs ${layout === option.value ? "bg-zinc-200 font-medium dark:bg-zinc-700" : "text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200"}`}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}

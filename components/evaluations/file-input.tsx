"use client";
import { useId } from "react";

/** A labelled file picker; `folder` picks a whole folder, keeping each file's path inside it (webkitRelativePath). */
export function FileInput({
  label,
  hint,
  onFiles,
  multiple,
  folder,
  accept,
}: {
  label: string;
  hint: string;
  onFiles: (files: File[]) => void;
  multiple?: boolean;
  folder?: boolean;
  accept?: string;
}) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {label}
      </label>
      <input
        id={id}
        type="file"
        accept={accept}
        multiple={multiple || folder}
        // React has no prop for folder picking; the DOM property is standard in every current browser.
        ref={(input) => {
          if (input && folder) input.webkitdirectory = true;
        }}
        onChange={(event) => onFiles([...(event.target.files ?? [])])}
        className="block w-full text-sm text-zinc-600 file:mr-3 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-zinc-800 hover:file:bg-zinc-100 dark:text-zinc-400 dark:file:border-zinc-700 dark:file:bg-zinc-900 dark:file:text-zinc-100"
      />
      <p className="text-xs text-zinc-500">{hint}</p>
    </div>
  );
}

"use client";
import { useEffect } from "react";
import type { RouterOutputs } from "@/components/trpc/client";
import { blobUrl } from "./blob-url";

export type SampleImage = RouterOutputs["samples"]["get"]["images"][number];

/** The sample's images at reading size; a click opens one at full size. */
export function ImageGallery({ images, onZoom }: { images: SampleImage[]; onZoom: (image: SampleImage) => void }) {
  return (
    <div className="flex flex-wrap gap-3">
      {images.map((image, index) => (
        <figure key={`${image.sha256}-${index}`} className="space-y-1">
          <button type="button" onClick={() => onZoom(image)} className="block cursor-zoom-in rounded-md border border-zinc-200 bg-zinc-50 p-1 dark:border-zinc-800 dark:bg-zinc-950" aria-label={`Zoom image ${index + 1}`}>
            <img src={blobUrl(image.sha256)} alt={`Image ${index + 1} of the sample`} className="max-h-80 max-w-full object-contain" />
          </button>
          <figcaption className="text-xs text-zinc-500">
            {image.width && image.height ? `${image.width}×${image.height}` : image.mime}
            {image.originalPath && <span className="font-mono"> · {image.originalPath}</span>}
          </figcaption>
        </figure>
      ))}
    </div>
  );
}

/** One image over the page at full size; a click or Escape closes it. */
export function ImageZoom({ image, onClose }: { image: SampleImage; onClose: () => void }) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);
  return (
    <div role="dialog" aria-modal="true" aria-label="Image at full size" onClick={onClose} className="fixed inset-0 z-50 flex cursor-zoom-out items-center justify-center bg-black/85 p-6">
      <img src={blobUrl(image.sha256)} alt="The sample's image at full size" className="h-full w-full object-contain" />
      <button type="button" onClick={onClose} className="absolute right-4 top-4 rounded-md bg-white/10 px-3 py-1 text-sm text-white hover:bg-white/20">
        Close (Esc)
      </button>
    </div>
  );
}

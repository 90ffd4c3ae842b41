// Which values of a row name image files, mirroring what the server's automatic column mapping reads images from:
// columns with an image-like name, and the image parts of chat messages. A path is only worth sending if the server
// will look for it, so this stays close to the server's rules rather than guessing at every string.

/** Keys whose values are images (the server's image column names, and the fields of image parts and structs). */
const imageKeys = new Set(["image", "images", "image_path", "image_paths", "image_file", "image_url", "img", "picture"]);
/** Inside an image value, the fields that hold its location. */
const locationKeys = new Set(["path", "url"]);
/** Content-part types that carry an image (OpenAI chat, OpenAI responses, Qwen-VL). */
const imagePartTypes = new Set(["image", "image_url", "input_image"]);

/** Every string a row gives as the location of an image, in order of appearance (duplicates kept). */
export function imageReferencesOfRow(row: unknown): string[] {
  const found: string[] = [];
  visit(row, false, found);
  return found;
}

function visit(value: unknown, isImage: boolean, found: string[]): void {
  if (typeof value === "string") {
    if (isImage) found.push(value);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) visit(item, isImage, found);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  const record = value as Record<string, unknown>;
  // A `{bytes, path}` struct carries its image inline; its path is only a name.
  if (hasInlineBytes(record.bytes)) return;
  // An image content part holds its location in `image`, `image_url` or `url`.
  if (typeof record.type === "string" && imagePartTypes.has(record.type)) isImage = true;
  for (const [key, child] of Object.entries(record)) {
    visit(child, imageKeys.has(key) || (isImage && locationKeys.has(key)), found);
  }
}

function hasInlineBytes(bytes: unknown): boolean {
  return (typeof bytes === "string" || Array.isArray(bytes)) && bytes.length > 0;
}

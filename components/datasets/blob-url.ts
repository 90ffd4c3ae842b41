/** Images and thumbnails are served by content address, to members of a project holding them. */
export function blobUrl(sha256: string): string {
  return `/api/blobs/${sha256}`;
}

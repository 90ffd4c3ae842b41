/** A file to upload and the path it takes inside the upload folder (the data file's images resolve against it). */
export interface UploadEntry {
  file: File;
  path: string;
}

/** A picked folder keeps its relative layout (`images/0001.png`); a loose file goes next to the data file. */
export function uploadPathOf(file: File): string {
  return file.webkitRelativePath || file.name;
}

async function refusal(response: Response): Promise<Error> {
  const body = (await response.json().catch(() => null)) as { error?: string } | null;
  const reason = body?.error ?? response.statusText;
  return new Error(response.status === 413 ? `Too large for this server: ${reason}` : `Upload refused (${response.status}): ${reason}`);
}

export async function openUpload(project: string): Promise<string> {
  const response = await fetch("/api/uploads", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ project }),
  });
  if (!response.ok) throw await refusal(response);
  return ((await response.json()) as { uploadId: string }).uploadId;
}

/** PUTs one file; XMLHttpRequest rather than fetch because only it reports upload progress. */
function putFile(project: string, uploadId: string, entry: UploadEntry, onBytes: (sent: number) => void): Promise<void> {
  const url = `/api/uploads/${uploadId}/${entry.path.split("/").map(encodeURIComponent).join("/")}?project=${encodeURIComponent(project)}`;
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("PUT", url);
    request.upload.onprogress = (event) => onBytes(event.loaded);
    request.onload = () => {
      if (request.status === 201) return resolve();
      reject(new Response(request.responseText, { status: request.status, statusText: request.statusText }));
    };
    // A server refusing a body over its size limit may close the connection before the browser can read the 413.
    request.onerror = () => reject(new Error(`The upload of ${entry.path} stopped: the connection closed (a file over the server's upload limit ends this way too).`));
    request.send(entry.file);
  });
}

/** Uploads files one after another into a new upload of the project; reports the fraction of bytes sent. */
export async function uploadFiles(project: string, entries: UploadEntry[], onProgress: (fraction: number, current: string) => void): Promise<string> {
  const uploadId = await openUpload(project);
  const total = entries.reduce((sum, entry) => sum + entry.file.size, 0) || 1;
  let done = 0;
  for (const entry of entries) {
    try {
      await putFile(project, uploadId, entry, (sent) => onProgress((done + sent) / total, entry.path));
    } catch (error) {
      throw error instanceof Response ? await refusal(error) : error;
    }
    done += entry.file.size;
    onProgress(done / total, entry.path);
  }
  return uploadId;
}

import "server-only";
import { open, type FileHandle } from "node:fs/promises";
import { DatasetFileError } from "./errors";

/** Opens a data file, turning "not found" / "is a directory" / "permission denied" into an error that names the file. */
export async function openForReading(path: string): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "file not found" : code === "EACCES" ? "permission denied" : (error as Error).message;
    throw new DatasetFileError(path, reason);
  }
  if (!(await handle.stat()).isFile()) {
    await handle.close();
    throw new DatasetFileError(path, "not a regular file");
  }
  return handle;
}

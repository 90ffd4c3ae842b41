import { open, type FileHandle } from "node:fs/promises";
import { StringDecoder } from "node:string_decoder";
import { LineSplitter } from "../line-splitter";

/**
 * Reads a file another process is writing, as lines, from wherever the last read stopped. The file may not exist yet
 * (Slurm creates a job's output file when the job starts). A line is held until its newline arrives; `finish` reads
 * to the end and gives the last line even without one.
 */
export class FileTail {
  private file: FileHandle | null = null;
  private offset = 0;
  private readonly decoder = new StringDecoder("utf8");
  private readonly splitter: LineSplitter;
  private readonly buffer = Buffer.alloc(256 * 1024);

  constructor(private readonly path: string, maxLineChars?: number) {
    this.splitter = new LineSplitter(maxLineChars);
  }

  /** The complete lines written since the last call. */
  async read(): Promise<string[]> {
    this.file ??= await open(this.path, "r").catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return null;
      throw error;
    });
    if (!this.file) return [];
    const lines: string[] = [];
    for (;;) {
      const { bytesRead } = await this.file.read(this.buffer, 0, this.buffer.length, this.offset);
      if (bytesRead === 0) return lines;
      this.offset += bytesRead;
      lines.push(...this.splitter.push(this.decoder.write(this.buffer.subarray(0, bytesRead))));
    }
  }

  /** Reads the rest, gives the last partial line too, and closes the file. */
  async finish(): Promise<string[]> {
    const lines = await this.read();
    lines.push(...this.splitter.push(this.decoder.end()), ...this.splitter.end());
    await this.file?.close();
    this.file = null;
    return lines;
  }
}

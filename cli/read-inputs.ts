// Shared input handling for CLI commands: files or "-" for stdin; unreadable inputs become
// { file, error } entries instead of stopping the run.
import { readFile, stat } from "node:fs/promises";

export interface InputText { file: string; text: string }
export interface InputError { file: string; error: { code: string; message: string } }
export type Input = InputText | InputError;

export const isError = (x: Input): x is InputError => "error" in x;

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(typeof c === "string" ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks);
}

/** Decode bytes as text, or say why they are not text. */
export function decodeText(buf: Buffer): { text: string } | { error: { code: string; message: string } } {
  if (buf.length === 0) return { error: { code: "empty", message: "the input is empty" } };
  if (buf.subarray(0, 8192).includes(0)) return { error: { code: "binary", message: "the input looks binary, not text" } };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    return { error: { code: "binary", message: "the input is not valid UTF-8 text" } };
  }
  text = text.replace(/^\uFEFF/, "");
  if (text.trim().length === 0) return { error: { code: "empty", message: "the input holds only whitespace" } };
  return { text };
}

export async function readInputs(files: string[], stdin: () => Promise<Buffer> = readStdin): Promise<Input[]> {
  let stdinBuf: Buffer | undefined;
  const out: Input[] = [];
  for (const file of files) {
    let buf: Buffer;
    try {
      if (file === "-") {
        stdinBuf ??= await stdin();
        buf = stdinBuf;
      } else {
        const st = await stat(file);
        if (st.isDirectory()) { out.push({ file, error: { code: "is_directory", message: "is a directory, not a file" } }); continue; }
        buf = await readFile(file);
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      out.push({
        file,
        error: code === "ENOENT"
          ? { code: "not_found", message: "no such file" }
          : { code: "unreadable", message: `cannot read the file (${code ?? "error"})` },
      });
      continue;
    }
    const d = decodeText(buf);
    out.push("error" in d ? { file, error: d.error } : { file, text: d.text });
  }
  return out;
}

/** One stderr line per failed input. */
export function reportErrors(inputs: Input[]): void {
  for (const x of inputs) if (isError(x)) process.stderr.write(`penprint: ${x.file}: ${x.error.message} (${x.error.code})\n`);
}

export class UsageError extends Error {}

// Machine text the project adds to the detector's training data (training-data/*.jsonl):
// the row schema and a reader that names the file and line of any bad row. Node only.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

export const TRAINING_DATA_DIR = fileURLToPath(new URL("../training-data", import.meta.url));

/** Genres a row may have; each falls in the leave-one-domain-out fold of its human counterpart. */
export const TRAINING_DOMAINS = [
  "news", "report", "stories", "review", "encyclopedia", "biomedical", "howto", "forum-answer", "abstract",
  "email", "student-essay",
] as const;

export const TrainingRow = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, "lower-case letters, digits, dots and dashes"),
  text: z.string().trim().min(1, "empty text"),
  label: z.literal("machine"),
  domain: z.enum(TRAINING_DOMAINS),
  /** the model that wrote the text */
  model: z.string().min(1),
  /** what produced it: a committed script, or who ran the model and how */
  generator: z.string().min(1),
  /** the exact instruction the model answered */
  prompt: z.string().min(1),
  style: z.enum(["default", "human-like", "plain"]),
  temperature: z.number().min(0).max(2).nullable(),
  created: z.iso.datetime(),
}).strict();
export type TrainingRow = z.infer<typeof TrainingRow>;

export interface TrainingFile { file: string; rows: TrainingRow[] }

/** Every `*.jsonl` file of `dir`, validated; throws on the first bad line or a repeated id. */
export function readTrainingData(dir: string = TRAINING_DATA_DIR): TrainingFile[] {
  const files = readdirSync(dir).filter((f) => f.endsWith(".jsonl")).sort();
  const seen = new Map<string, string>();
  return files.map((name) => {
    const file = path.join(dir, name);
    const rows: TrainingRow[] = [];
    readFileSync(file, "utf8").split("\n").forEach((line, i) => {
      if (!line.trim()) return;
      const where = `${name}:${i + 1}`;
      let json: unknown;
      try { json = JSON.parse(line); } catch { throw new Error(`${where}: not valid JSON`); }
      const parsed = TrainingRow.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`${where}: ${issue?.path.join(".") || "row"}: ${issue?.message ?? "invalid"}`);
      }
      const earlier = seen.get(parsed.data.id);
      if (earlier) throw new Error(`${where}: id ${parsed.data.id} already used at ${earlier}`);
      seen.set(parsed.data.id, where);
      rows.push(parsed.data);
    });
    return { file: name, rows };
  });
}

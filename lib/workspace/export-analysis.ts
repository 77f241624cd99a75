import { z } from "zod";
import type { ReadyAnalysis as AnalysisRow } from "@/db/queries/analyses";
import { DEFAULT_WEIGHTS } from "@/lib/analysis";

/**
 * One saved analysis as a file a writer can hand on: the full JSON, a CSV with one row per
 * sentence, and a Markdown or HTML report that states the method and its error rates. Reads the
 * stored result leniently, because results saved by older engine versions must still export.
 */
export const EXPORT_FORMATS = ["json", "csv", "md", "html"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const reasonSchema = z.object({ message: z.string().optional(), description: z.string().optional(), feature: z.string().optional() }).passthrough();
const storedSchema = z
  .object({
    sentences: z.array(z.object({ start: z.number(), end: z.number(), aiProbability: z.number(), reasons: z.array(reasonSchema).default([]) }).passthrough()).default([]),
    reasons: z.array(reasonSchema).default([]),
    abstention: z.object({ message: z.string() }).passthrough().nullable().optional(),
    modelVersion: z.string().optional(),
    language: z.string().optional(),
  })
  .passthrough();

type Stored = z.infer<typeof storedSchema>;
const readStored = (row: AnalysisRow): Stored => storedSchema.catch({ sentences: [], reasons: [] }).parse(row.result);
const reasonText = (r: z.infer<typeof reasonSchema>) => r.message ?? r.description ?? r.feature ?? "";
const pct = (p: number) => `${Math.round(p * 100)} %`;

const VERDICT_WORDS: Record<string, string> = {
  human: "reads as human writing",
  ai: "reads as machine-generated",
  mixed: "mixes passages that read as human and as machine-generated",
  uncertain: "uncertain: the detector does not give a verdict",
};

function methodLines(row: AnalysisRow, stored: Stored): string[] {
  const t = DEFAULT_WEIGHTS.thresholds;
  return [
    `Penprint engine ${row.engineVersion}${stored.modelVersion ? `, detector ${stored.modelVersion}` : ""}. A logistic-regression detector over style features (sentence-length variation, vocabulary, punctuation, function words, repetition and others), each compared with human writing. Every sentence is scored with its neighbours; the document probability is calibrated.`,
    `The document is called machine-generated only above a probability of ${t.ai.toFixed(2)}, a threshold set so that about 1 % or fewer of human texts in each training domain cross it. Short texts (under ${DEFAULT_WEIGHTS.minWords} words), non-English text and text unlike the training data get "uncertain" instead of a guess.`,
    "Measured error rates, per domain and on writers of English as a second language, are in the project's accuracy report (docs/accuracy.md, reproduced by `npm run eval`). No detector is proof: treat this as one piece of evidence, never as a verdict on a person.",
  ];
}

const csvCell = (value: string | number): string => {
  let s = String(value);
  // Spreadsheet formula injection: a leading =, +, - or @ would run as a formula.
  if (/^[=+\-@\t\r]/.test(s) && typeof value === "string") s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function toCsv(row: AnalysisRow): string {
  const stored = readStored(row);
  const lines = [["sentence", "start", "end", "ai_probability", "reasons", "text"].join(",")];
  stored.sentences.forEach((s, i) => {
    lines.push(
      [i + 1, s.start, s.end, s.aiProbability.toFixed(4), s.reasons.map(reasonText).join("; "), row.text.slice(s.start, s.end)]
        .map(csvCell)
        .join(","),
    );
  });
  return `${lines.join("\r\n")}\r\n`;
}

export function toJson(row: AnalysisRow): string {
  const { userId, ...rest } = row;
  void userId;
  return `${JSON.stringify({ ...rest, createdAt: row.createdAt.toISOString() }, null, 2)}\n`;
}

function mostMachineLike(stored: Stored, limit = 5) {
  return [...stored.sentences].sort((a, b) => b.aiProbability - a.aiProbability).slice(0, limit);
}

export function toMarkdown(row: AnalysisRow): string {
  const stored = readStored(row);
  const quote = (s: string) => s.replace(/\s+/g, " ").trim().replace(/([*_`[\]<>#|])/g, "\\$1");
  const out = [
    `# ${quote(row.title)}`,
    "",
    `Analysed by Penprint on ${row.createdAt.toISOString().slice(0, 10)} · ${row.wordCount} words`,
    "",
    "## Result",
    "",
    `**Verdict:** ${row.verdict} — the text ${VERDICT_WORDS[row.verdict] ?? row.verdict}.`,
    "",
    `**Probability of machine-generated text:** ${pct(row.aiProbability)}`,
    ...(stored.abstention ? ["", `Why uncertain: ${stored.abstention.message}`] : []),
    "",
    "## Main reasons",
    "",
    ...(stored.reasons.length ? stored.reasons.map((r) => `- ${quote(reasonText(r))}`) : ["- None given."]),
    "",
    "## Sentences that read most like machine text",
    "",
    "| # | probability | sentence |",
    "|---|---|---|",
    ...mostMachineLike(stored).map((s) => `| ${stored.sentences.indexOf(s) + 1} | ${pct(s.aiProbability)} | ${quote(row.text.slice(s.start, s.end))} |`),
    "",
    "## Method",
    "",
    ...methodLines(row, stored).flatMap((l) => [l, ""]),
  ];
  return `${out.join("\n").trimEnd()}\n`;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

export function toHtml(row: AnalysisRow): string {
  const stored = readStored(row);
  const sentenceMarks = stored.sentences
    .map((s, i) => {
      const band = s.aiProbability >= 0.75 ? "high" : s.aiProbability >= 0.5 ? "medium" : "low";
      const title = `${pct(s.aiProbability)} machine-like. ${s.reasons.map(reasonText).join(" ")}`;
      return `<mark class="${band}" title="${escapeHtml(title)}">${escapeHtml(row.text.slice(s.start, s.end))}<sup>${i + 1}·${pct(s.aiProbability)}</sup></mark>`;
    })
    .join(" ");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(row.title)} — Penprint report</title>
<style>
body{font:16px/1.6 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
mark{background:none;border-bottom:3px solid}mark.low{border-color:#3a7d44}mark.medium{border-color:#c28a00;background:#fff5d6}mark.high{border-color:#b3261e;background:#fde7e5}
sup{font-size:.7em;color:#555;margin-left:.2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}
</style>
</head>
<body>
<h1>${escapeHtml(row.title)}</h1>
<p>Analysed by Penprint on ${row.createdAt.toISOString().slice(0, 10)} · ${row.wordCount} words</p>
<h2>Result</h2>
<p><strong>Verdict: ${escapeHtml(row.verdict)}</strong> — the text ${escapeHtml(VERDICT_WORDS[row.verdict] ?? row.verdict)}.<br>
Probability of machine-generated text: <strong>${pct(row.aiProbability)}</strong></p>
${stored.abstention ? `<p>Why uncertain: ${escapeHtml(stored.abstention.message)}</p>` : ""}
<h2>Main reasons</h2>
<ul>${stored.reasons.map((r) => `<li>${escapeHtml(reasonText(r))}</li>`).join("") || "<li>None given.</li>"}</ul>
<h2>The text, sentence by sentence</h2>
<p>Each sentence is underlined by its machine likelihood (green below 50 %, amber 50–75 %, red above 75 %); the number after it gives the same figure in text.</p>
<p>${sentenceMarks}</p>
<h2>Method</h2>
${methodLines(row, stored).map((l) => `<p>${escapeHtml(l)}</p>`).join("\n")}
</body>
</html>
`;
}

export function exportAnalysis(row: AnalysisRow, format: ExportFormat): { body: string; contentType: string; filename: string } {
  const base = row.title.replace(/[^A-Za-z0-9 _-]+/g, "").trim().replace(/\s+/g, "-").slice(0, 60) || "analysis";
  switch (format) {
    case "json":
      return { body: toJson(row), contentType: "application/json; charset=utf-8", filename: `${base}.json` };
    case "csv":
      return { body: toCsv(row), contentType: "text/csv; charset=utf-8", filename: `${base}.csv` };
    case "md":
      return { body: toMarkdown(row), contentType: "text/markdown; charset=utf-8", filename: `${base}.md` };
    case "html":
      return { body: toHtml(row), contentType: "text/html; charset=utf-8", filename: `${base}.html` };
  }
}

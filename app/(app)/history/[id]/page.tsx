import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Card } from "@/components/card";
import { Container } from "@/components/container";
import { getAnalysis, isReadyAnalysis } from "@/db/queries/analyses";
import type { Analysis } from "@/db/schema";
import { requirePageUser } from "@/lib/auth/require-user";
import { EXPORT_FORMATS } from "@/lib/workspace/export-analysis";
import { AnalysisJobProgress } from "../../analysis-job-progress";
import { HeatMap, type HeatSentence } from "../../heat-map";
import styles from "../../workspace.module.css";
import { DeleteAnalysis } from "./delete-analysis";

export const metadata: Metadata = { title: "Saved analysis" };
export const dynamic = "force-dynamic";

const FORMAT_LABELS: Record<(typeof EXPORT_FORMATS)[number], string> = { json: "JSON", csv: "CSV (per sentence)", md: "Markdown report", html: "HTML report" };

const storedSchema = z
  .object({
    sentences: z.array(z.object({ start: z.number(), end: z.number(), aiProbability: z.number(), reasons: z.array(z.object({ message: z.string().optional(), description: z.string().optional() }).passthrough()).default([]) }).passthrough()).default([]),
    reasons: z.array(z.object({ message: z.string().optional(), description: z.string().optional() }).passthrough()).default([]),
    abstention: z.object({ message: z.string() }).passthrough().nullable().optional(),
  })
  .passthrough();

export default async function SavedAnalysisPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/history/${id}`);
  if (!z.string().uuid().safeParse(id).success) notFound();
  const analysis = await getAnalysis({ id, userId: user.id });
  if (!analysis) notFound();
  if (!isReadyAnalysis(analysis)) {
    // A long document still being analysed by its job, or one whose job failed.
    return (
      <Container className={styles.page}>
        <AnalysisHeading analysis={analysis} />
        <AnalysisJobProgress
          initial={{ id: analysis.id, status: analysis.status, progress: analysis.progress, error: analysis.error }}
          words={analysis.wordCount}
          whenReady="refresh"
        />
        <DeleteAnalysis id={analysis.id} />
      </Container>
    );
  }
  const stored = storedSchema.catch({ sentences: [], reasons: [] }).parse(analysis.result);
  const sentences: HeatSentence[] = stored.sentences;

  return (
    <Container className={styles.page}>
      <AnalysisHeading analysis={analysis} showEngine />
      <Card as="section" aria-labelledby="verdict-h" data-testid="saved-verdict">
        <h2 id="verdict-h">
          Verdict: {analysis.verdict} · {Math.round(analysis.aiProbability * 100)} % machine likelihood
        </h2>
        {stored.abstention ? <p>Why uncertain: {stored.abstention.message}</p> : null}
        {stored.reasons.length > 0 ? (
          <ul>
            {stored.reasons.map((r, i) => (
              <li key={i}>{r.message ?? r.description}</li>
            ))}
          </ul>
        ) : null}
      </Card>
      <section aria-labelledby="text-h" className={styles.stack}>
        <h2 id="text-h">The text, sentence by sentence</h2>
        <HeatMap text={analysis.text} sentences={sentences} />
      </section>
      <section aria-labelledby="export-h" className={styles.stack}>
        <h2 id="export-h">Export</h2>
        <ul className={styles.row} style={{ listStyle: "none", padding: 0 }}>
          {EXPORT_FORMATS.map((f) => (
            <li key={f}>
              <a href={`/api/v1/analyses/${analysis.id}/export?format=${f}`} download data-testid={`export-${f}`}>
                {FORMAT_LABELS[f]}
              </a>
            </li>
          ))}
        </ul>
        <DeleteAnalysis id={analysis.id} />
      </section>
    </Container>
  );
}

/** Title, back link and when it was saved; the engine version once there is a result it produced. */
function AnalysisHeading({ analysis, showEngine = false }: { analysis: Analysis; showEngine?: boolean }) {
  return (
    <header>
      <p className={styles.meta}>
        <Link href="/history">← History</Link>
      </p>
      <h1 className={styles.heading}>{analysis.title}</h1>
      <p className={styles.lead}>
        Saved {analysis.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC ·{showEngine ? ` engine ${analysis.engineVersion} ·` : ""}{" "}
        {analysis.wordCount.toLocaleString("en-US")} words
      </p>
    </header>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/button";
import { Container } from "@/components/container";
import forms from "@/components/forms/forms.module.css";
import { requirePageUser } from "@/lib/auth/require-user";
import { analysisListQuerySchema } from "@/app/api/v1/analyses/schema";
import styles from "../workspace.module.css";
import { listHistory } from "@/lib/workspace/history";
import { pendingAnalysisWords } from "@/lib/workspace/analysis-state";

export const metadata: Metadata = { title: "History" };
export const dynamic = "force-dynamic";

const VERDICTS = ["human", "ai", "mixed", "uncertain"] as const;

export default async function HistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/history");
  const raw = await searchParams;
  // Empty form fields are absent filters.
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = analysisListQuerySchema.safeParse(cleaned);
  const query = parsed.success ? parsed.data : analysisListQuerySchema.parse({});
  const { items, total } = await listHistory({ userId: user.id, query });
  const value = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string) : "");

  return (
    <Container className={styles.page}>
      <header>
        <h1 className={styles.heading}>History</h1>
        <p className={styles.lead}>Every analysis you saved, exactly as it was when you saved it.</p>
      </header>
      <form method="get" className={styles.row} aria-label="Search and filter" data-testid="history-filters">
        <div className={forms.field}>
          <label className={forms.label} htmlFor="q">
            Search
          </label>
          <input id="q" name="q" className={forms.input} defaultValue={value("q")} />
        </div>
        <div className={forms.field}>
          <label className={forms.label} htmlFor="verdict">
            Verdict
          </label>
          <select id="verdict" name="verdict" className={forms.select} defaultValue={value("verdict")}>
            <option value="">Any</option>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </div>
        <div className={forms.field}>
          <label className={forms.label} htmlFor="min">
            Score from (0–1)
          </label>
          <input id="min" name="min" type="number" min={0} max={1} step={0.05} className={forms.input} defaultValue={value("min")} />
        </div>
        <div className={forms.field}>
          <label className={forms.label} htmlFor="max">
            to
          </label>
          <input id="max" name="max" type="number" min={0} max={1} step={0.05} className={forms.input} defaultValue={value("max")} />
        </div>
        <div className={forms.field}>
          <label className={forms.label} htmlFor="from">
            From date
          </label>
          <input id="from" name="from" type="date" className={forms.input} defaultValue={value("from")} />
        </div>
        <div className={forms.field}>
          <label className={forms.label} htmlFor="to">
            To date
          </label>
          <input id="to" name="to" type="date" className={forms.input} defaultValue={value("to")} />
        </div>
        <Button type="submit">Apply</Button>
      </form>
      {!parsed.success ? (
        <p role="alert" className={forms.alert}>
          Some filters were not understood and were ignored.
        </p>
      ) : null}
      {items.length === 0 ? (
        <p className={styles.empty} data-testid="history-empty">
          {total === 0 && Object.keys(cleaned).length === 0 ? (
            <>
              Nothing saved yet. Write or paste in the <Link href="/editor">editor</Link> and press “Save analysis” to keep a result here.
            </>
          ) : (
            "No saved analysis matches these filters."
          )}
        </p>
      ) : (
        <table className={styles.table} data-testid="history-table">
          <caption className={styles.visuallyHidden}>Saved analyses, newest first ({total})</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Verdict</th>
              <th scope="col">Machine likelihood</th>
              <th scope="col">Words</th>
              <th scope="col">Saved</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id} data-testid="history-row">
                <td>
                  <Link href={`/history/${a.id}`}>{a.title}</Link>
                </td>
                <td data-status={a.status}>
                  {a.verdict !== null ? (
                    <span className={styles.badge}>{a.verdict}</span>
                  ) : (
                    <>
                      <span className={styles.badge}>{pendingAnalysisWords(a)}</span>
                      {a.status === "running" || a.status === "queued" ? (
                        <progress max={1} value={a.progress} aria-label={`${a.title}: analysis progress`} style={{ display: "block" }} />
                      ) : null}
                    </>
                  )}
                </td>
                <td>{a.aiProbability !== null ? `${Math.round(a.aiProbability * 100)} %` : "—"}</td>
                <td>{a.wordCount.toLocaleString("en-US")}</td>
                <td>
                  <time dateTime={a.createdAt.toISOString()}>{a.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Container>
  );
}

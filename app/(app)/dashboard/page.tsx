import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/button";
import { Card } from "@/components/card";
import { Container } from "@/components/container";
import { LinkButton } from "@/components/link-button";
import { listFingerprints } from "@/db/queries/fingerprints";
import { requirePageUser } from "@/lib/auth/require-user";
import { getDashboardSummary } from "@/lib/workspace/dashboard-summary";
import { fingerprintSummaries } from "@/lib/workspace/fingerprint-summary";
import { signOutAction } from "../../(auth)/actions";
import workspace from "../workspace.module.css";
import styles from "./dashboard.module.css";
import { pendingAnalysisWords } from "@/lib/workspace/analysis-state";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

const SCOPE_LABELS: Record<string, string> = { overall: "Overall", essay: "Essays", email: "Email", fiction: "Fiction", academic: "Academic", other: "Other" };
const VERDICT_LABELS: Record<string, string> = { human: "Likely human", ai: "Likely machine", mixed: "Mixed", uncertain: "Uncertain" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const formatDate = (d: Date) => `${dateFormat.format(d)} UTC`;
const plural = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;

/** The signed-in landing: what the writer has, what they did last, and what to do next. */
export default async function DashboardPage() {
  const user = await requirePageUser("/dashboard");
  const [summary, rows] = await Promise.all([getDashboardSummary({ userId: user.id }), listFingerprints({ userId: user.id })]);
  const { counts, recentAnalyses, recentDrafts, nextSteps } = summary;
  const { fingerprints, stale } = fingerprintSummaries({ rows, totals: { samples: counts.samples, words: counts.sampleWords } });
  const isNew = counts.samples === 0 && counts.drafts === 0 && counts.analyses === 0;

  // The three steps of a first visit, in the order that makes each one useful.
  const tour = [
    { id: "samples", href: "/samples", action: "Add samples", text: "Add a few samples of your own writing (.txt, .md, .docx, .pdf or pasted) so Penprint learns your voice." },
    { id: "editor", href: "/editor", action: "Open the editor", text: "Check a draft in the editor: each sentence is tinted by how machine-like it reads, with the reasons on hover or focus." },
    { id: "history", href: "/history", action: "See your history", text: "Save the analysis to your history, reopen it later exactly as it was, and export a report." },
  ];

  return (
    <Container className={workspace.page} data-testid="dashboard-page">
      <header>
        <h1 className={workspace.heading}>Dashboard</h1>
        <p className={workspace.lead}>Your samples, your fingerprint and your recent work, in one place.</p>
      </header>

      {isNew ? (
        <section aria-labelledby="start-h" className={workspace.empty} data-testid="dashboard-empty">
          <h2 id="start-h" style={{ marginTop: 0 }}>Getting started</h2>
          <p>Penprint compares a draft with how you write. Three steps get you there:</p>
          <ol className={styles.steps}>
            {tour.map((step) => (
              <li key={step.id} data-testid={`dashboard-step-${step.id}`}>
                {step.text} <Link href={step.href}>{step.action}</Link>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <section aria-labelledby="counts-h" className={workspace.stack}>
        <h2 id="counts-h">At a glance</h2>
        <ul className={styles.counts} data-testid="dashboard-counts">
          {[
            { id: "samples", value: counts.samples, label: "samples", href: "/samples" },
            { id: "words", value: counts.sampleWords, label: "words in samples", href: "/samples" },
            { id: "analyses", value: counts.analyses, label: "saved analyses", href: "/history" },
            { id: "drafts", value: counts.drafts, label: "drafts", href: "/editor" },
          ].map((c) => (
            <li key={c.id} className={styles.count} data-testid={`dashboard-count-${c.id}`}>
              <span className={styles.countValue} data-testid={`dashboard-count-${c.id}-value`}>{c.value.toLocaleString("en-US")}</span>
              <Link href={c.href} className={styles.countLabel}>{c.label}</Link>
            </li>
          ))}
        </ul>
      </section>

      {!isNew && nextSteps.length > 0 ? (
        <section aria-labelledby="next-h" className={workspace.stack} data-testid="dashboard-next-steps">
          <h2 id="next-h">Next steps</h2>
          <ul className={workspace.list}>
            {nextSteps.map((step) => (
              <li key={step.id} className={workspace.item} data-testid={`dashboard-next-${step.id}`}>
                <Link href={step.href}>{step.text}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className={workspace.grid}>
        <section aria-labelledby="recent-analyses-h" className={workspace.stack} data-testid="dashboard-recent-analyses">
          <h2 id="recent-analyses-h">Recent analyses</h2>
          {recentAnalyses.length === 0 ? (
            <p className={workspace.meta}>No saved analyses yet. Save one from the <Link href="/editor">editor</Link>.</p>
          ) : (
            <ul className={workspace.list}>
              {recentAnalyses.map((a) => (
                <li key={a.id} className={workspace.item} data-testid="dashboard-analysis">
                  <Link href={`/history/${a.id}`} className={styles.title}>{a.title || "Untitled analysis"}</Link>
                  <p className={workspace.meta}>
                    {a.verdict === null || a.aiProbability === null
                      ? pendingAnalysisWords(a)
                      : `${VERDICT_LABELS[a.verdict] ?? a.verdict} (${Math.round(a.aiProbability * 100)} % machine-like)`}{" "}
                    · {plural(a.wordCount, "word")} ·{" "}
                    {formatDate(a.createdAt)}
                  </p>
                </li>
              ))}
            </ul>
          )}
          {counts.analyses > recentAnalyses.length ? <Link href="/history">All {counts.analyses.toLocaleString("en-US")} analyses</Link> : null}
        </section>

        <section aria-labelledby="recent-drafts-h" className={workspace.stack} data-testid="dashboard-recent-drafts">
          <h2 id="recent-drafts-h">Recent drafts</h2>
          {recentDrafts.length === 0 ? (
            <p className={workspace.meta}>No drafts yet. <Link href="/editor">Start writing</Link>: drafts save themselves as you type.</p>
          ) : (
            <ul className={workspace.list}>
              {recentDrafts.map((d) => (
                <li key={d.id} className={workspace.item} data-testid="dashboard-draft">
                  <Link href={`/editor?draft=${d.id}`} className={styles.title}>{d.title || "Untitled draft"}</Link>
                  <p className={workspace.meta}>
                    {plural(d.characters, "character")} · edited {formatDate(d.updatedAt)}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section aria-labelledby="fingerprint-h" className={workspace.stack} data-testid="dashboard-fingerprint">
        <h2 id="fingerprint-h">Fingerprint confidence</h2>
        {fingerprints.length === 0 ? (
          <p className={workspace.meta}>
            {counts.samples > 0 ? "Your fingerprint is being built from your samples." : "No fingerprint yet: it is built from your samples."}{" "}
            <Link href="/samples">Add samples</Link>
          </p>
        ) : (
          <>
            {stale ? <p className={workspace.meta} data-testid="dashboard-fingerprint-stale">Updating after your latest sample changes.</p> : null}
            <ul className={workspace.list}>
              {fingerprints.map((f) => {
                const label = SCOPE_LABELS[f.scope] ?? f.scope;
                return (
                  <li key={f.scope} className={workspace.item} data-testid={`dashboard-fingerprint-${f.scope}`}>
                    <p style={{ margin: 0 }}>
                      <strong>{label}</strong>: {f.level} confidence ({Math.round(f.confidence * 100)} %) from {plural(f.words, "word")}
                    </p>
                    <meter className={workspace.meter} min={0} max={1} low={0.5} high={0.85} optimum={1} value={f.confidence} aria-label={`${label} confidence`}>
                      {Math.round(f.confidence * 100)} %
                    </meter>
                    {f.advice ? <p className={workspace.meta}>{f.advice}</p> : null}
                  </li>
                );
              })}
            </ul>
            <Link href="/fingerprint">See your fingerprint</Link>
          </>
        )}
      </section>

      <Card tone="muted" data-testid="dashboard-account">
        <p data-testid="signed-in-as">
          Signed in as <strong>{user.email}</strong>
          {user.role === "admin" ? " (administrator)" : ""}.
        </p>
        {!user.emailVerified ? (
          <p data-testid="unverified-notice">
            Your email address is not verified yet: you can analyse text, but saving needs a verified address.{" "}
            <Link href="/settings">Send a new link</Link>.
          </p>
        ) : null}
        <div className={workspace.row}>
          <LinkButton href="/settings" variant="secondary" data-testid="settings-link">Account settings</LinkButton>
          <form action={signOutAction}>
            <Button type="submit" variant="secondary" data-testid="sign-out">Sign out</Button>
          </form>
        </div>
      </Card>
    </Container>
  );
}

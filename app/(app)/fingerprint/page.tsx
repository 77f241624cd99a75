import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/card";
import { Container } from "@/components/container";
import { listFingerprints } from "@/db/queries/fingerprints";
import { getSampleTotals, listSampleTexts } from "@/db/queries/samples";
import { requirePageUser } from "@/lib/auth/require-user";
import { fingerprintSummaries } from "@/lib/workspace/fingerprint-summary";
import { describeDrift, describeVoice, distinctive, featurePositions } from "@/lib/workspace/voice";
import styles from "../workspace.module.css";
import { FeatureChart } from "./feature-chart";
import { RebuildStatus } from "./rebuild-status";

export const metadata: Metadata = { title: "Your fingerprint" };
export const dynamic = "force-dynamic";

/** Below this, the voice is shown with a warning that it is an early impression. */
const MIN_VOICE_WORDS = 1000;

const SCOPE_LABELS: Record<string, string> = { overall: "Overall", essay: "Essays", email: "Email", fiction: "Fiction", academic: "Academic", other: "Other" };

export default async function FingerprintPage() {
  const user = await requirePageUser("/fingerprint");
  const [rows, totals, samples] = await Promise.all([
    listFingerprints({ userId: user.id }),
    getSampleTotals({ userId: user.id }),
    listSampleTexts({ userId: user.id }),
  ]);
  const { fingerprints, stale } = fingerprintSummaries({ rows, totals });
  if (samples.length === 0) {
    return (
      <Container className={styles.page}>
        <h1 className={styles.heading}>Your fingerprint</h1>
        <p className={styles.empty} data-testid="fingerprint-empty">
          Your fingerprint is built from your writing samples. <Link href="/samples">Add a few samples</Link> — an essay, some emails, a
          story — and it appears here, with what makes your voice yours.
        </p>
      </Container>
    );
  }
  const positions = featurePositions(samples.map((s) => s.text).join("\n\n"));
  const voice = describeVoice(positions);
  const chart = distinctive(positions, 8);
  const drift = describeDrift(samples);

  return (
    <Container className={styles.page}>
      <header>
        <h1 className={styles.heading}>Your fingerprint</h1>
        <p className={styles.lead}>
          Built from {totals.samples} sample{totals.samples === 1 ? "" : "s"} ({totals.words.toLocaleString("en-US")} words). One fingerprint
          per kind of writing, and one over everything.
        </p>
      </header>
      <RebuildStatus initiallyStale={stale} />
      <section aria-labelledby="confidence-h" className={styles.stack}>
        <h2 id="confidence-h">Confidence</h2>
        <ul className={styles.grid} style={{ listStyle: "none", padding: 0 }} data-testid="fingerprint-list">
          {fingerprints.map((f) => (
            <li key={f.scope}>
              <Card tone={f.scope === "overall" ? "raised" : "muted"} data-testid={`fingerprint-${f.scope}`}>
                <h3 style={{ marginTop: 0 }}>{SCOPE_LABELS[f.scope] ?? f.scope}</h3>
                <p>
                  <strong>
                    {f.level} confidence ({Math.round(f.confidence * 100)} %)
                  </strong>{" "}
                  from {f.words.toLocaleString("en-US")} words in {f.samples} sample{f.samples === 1 ? "" : "s"}.
                </p>
                <meter className={styles.meter} min={0} max={1} low={0.5} high={0.85} optimum={1} value={f.confidence} aria-label={`${SCOPE_LABELS[f.scope] ?? f.scope} confidence`}>
                  {Math.round(f.confidence * 100)} %
                </meter>
                <p className={styles.meta}>{f.advice ?? "Enough writing for a reliable fingerprint."}</p>
              </Card>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="voice-h" className={styles.stack}>
        <h2 id="voice-h">Your voice</h2>
        {totals.words < MIN_VOICE_WORDS ? (
          <p className={styles.meta}>
            With {totals.words.toLocaleString("en-US")} words these are early impressions; they settle after about {MIN_VOICE_WORDS.toLocaleString("en-US")}.
          </p>
        ) : null}
        <ul data-testid="voice-sentences">
          {voice.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="chart-h" className={styles.stack}>
        <h2 id="chart-h">Your most distinctive features, against human and machine writing</h2>
        <FeatureChart positions={chart} />
      </section>
      <section aria-labelledby="drift-h" className={styles.stack}>
        <h2 id="drift-h">Drift</h2>
        {drift === null ? (
          <p className={styles.meta}>Drift appears once you have older and newer samples of at least 300 words each.</p>
        ) : drift.length === 0 ? (
          <p data-testid="drift">Your recent samples read like your older ones: no feature moved much.</p>
        ) : (
          <ul data-testid="drift">
            {drift.map((d) => (
              <li key={d.feature}>{d.message}</li>
            ))}
          </ul>
        )}
      </section>
    </Container>
  );
}

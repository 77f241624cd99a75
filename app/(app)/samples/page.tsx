import type { Metadata } from "next";
import { Container } from "@/components/container";
import { getSampleTotals, listSamples } from "@/db/queries/samples";
import { getEnv } from "@/lib/env";
import { requirePageUser } from "@/lib/auth/require-user";
import { sampleDto } from "@/lib/workspace/dto";
import styles from "../workspace.module.css";
import { SampleList } from "./sample-list";
import { SampleUpload } from "./sample-upload";

export const metadata: Metadata = { title: "Writing samples" };
export const dynamic = "force-dynamic";

export default async function SamplesPage() {
  const user = await requirePageUser("/samples");
  const [samples, totals] = await Promise.all([listSamples({ userId: user.id }), getSampleTotals({ userId: user.id })]);
  return (
    <Container className={styles.page}>
      <header>
        <h1 className={styles.heading}>Writing samples</h1>
        <p className={styles.lead}>
          Your fingerprint is built from these. Add writing you did yourself, and say what kind it is: your voice in email differs
          from your voice in an essay. {totals.words.toLocaleString("en-US")} of {getEnv().SAMPLE_WORDS_LIMIT.toLocaleString("en-US")} words used.
        </p>
      </header>
      <SampleUpload verified={user.emailVerified} />
      <section aria-labelledby="samples-heading" className={styles.stack}>
        <h2 id="samples-heading">Your samples ({samples.length})</h2>
        <SampleList samples={samples.map(sampleDto)} />
      </section>
    </Container>
  );
}

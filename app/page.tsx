import type { Metadata } from "next";
import { Card } from "@/components/card";
import { Container } from "@/components/container";
import { AnnotatedExample } from "@/components/landing/annotated-example";
import { LinkButton } from "@/components/link-button";
import styles from "./page.module.css";

export const metadata: Metadata = {
  title: "Penprint — evidence, not verdicts",
};

const capabilities = [
  {
    id: "detect",
    title: "See what reads as machine-written",
    body: "Sentence by sentence, with the reasons behind every mark: rhythm, word choice, stock phrases, how predictable the wording is. You read the evidence and decide what it means.",
  },
  {
    id: "fingerprint",
    title: "Know your own voice",
    body: "Give Penprint pieces you wrote yourself and it builds a stylometric fingerprint: sentence lengths, function words, punctuation and the habits that make your writing yours. Compare any draft against it.",
  },
  {
    id: "rewrite",
    title: "Rewrite in your voice",
    body: "Ask a language model running on your own hardware, through Ollama, to move a passage toward your fingerprint, then compare the result with what you wrote.",
  },
] as const;

const principles = [
  {
    id: "evidence",
    title: "Evidence, not verdicts",
    body: "There is no single percentage to hold against anyone. Each mark comes with the features that caused it, so you can check it and disagree with it.",
  },
  {
    id: "uncertain",
    title: "It says “uncertain” when it doesn’t know",
    body: "Short passages, lists, quotations and unfamiliar styles get “uncertain” rather than a guess. Penprint is tuned to avoid false accusations of human writers, including people writing in a second language and young writers, whom hosted detectors flag far too often.",
  },
  {
    id: "self-hosted",
    title: "It runs on your own server",
    body: "Analysis, fingerprints and rewriting all happen on the machine you install it on. Your writing is not sent to us or to anyone else, and there is no telemetry.",
  },
] as const;

export default function HomePage() {
  return (
    <>
      <section className={styles.hero} aria-labelledby="hero-title" data-testid="hero">
        <Container className={styles.heroGrid}>
          <div className={styles.heroText}>
            <p className={styles.eyebrow}>Self-hosted writing analysis</p>
            <h1 id="hero-title" data-testid="hero-title">
              See why a sentence reads as machine-written.
            </h1>
            <p className={styles.lede}>
              Penprint points to the sentences that read as machine-written and shows the evidence for each one. It
              learns the fingerprint of your own voice, and helps you rewrite in it with a language model on your own
              machine. Nothing you write leaves your server.
            </p>
            <div className={styles.actions}>
              <LinkButton href="/sign-up" size="lg" data-testid="hero-sign-up">
                Create an account
              </LinkButton>
              <LinkButton href="/sign-in" size="lg" variant="secondary" data-testid="hero-sign-in">
                Sign in
              </LinkButton>
            </div>
          </div>
          <div className={styles.heroFigure}>
            <AnnotatedExample />
          </div>
        </Container>
      </section>

      <section className={styles.section} aria-labelledby="capabilities-title" data-testid="capabilities">
        <Container>
          <h2 id="capabilities-title" className={styles.sectionTitle}>
            What Penprint does
          </h2>
          <ol className={styles.capabilities}>
            {capabilities.map((item, index) => (
              <li key={item.id} className={styles.capability} data-testid={`capability-${item.id}`}>
                <span className={styles.step} aria-hidden="true">
                  {index + 1}
                </span>
                <h3>{item.title}</h3>
                <p>{item.body}</p>
              </li>
            ))}
          </ol>
        </Container>
      </section>

      <section className={styles.section} aria-labelledby="principles-title" data-testid="principles">
        <Container>
          <h2 id="principles-title" className={styles.sectionTitle}>
            How it behaves
          </h2>
          <ul className={styles.principles}>
            {principles.map((item) => (
              <Card as="li" key={item.id} className={styles.principle} data-testid={`principle-${item.id}`}>
                <h3>{item.title}</h3>
                <p>{item.body}</p>
              </Card>
            ))}
          </ul>

          <Card role="note" tone="muted" className={styles.caveat} aria-labelledby="caveat-title" data-testid="caveat">
            <h3 id="caveat-title">What no detector can do</h3>
            <p>
              No tool can prove who wrote a text, Penprint included. Treat its marks as a reason to look closer or to
              start a conversation, never as the only basis for a grade, a penalty or an accusation.
            </p>
          </Card>
        </Container>
      </section>

      <section className={styles.closing} aria-labelledby="closing-title" data-testid="closing">
        <Container width="narrow" className={styles.closingInner}>
          <h2 id="closing-title">Start with your own writing</h2>
          <p>Create an account on this server, add a few pieces you wrote, and see what Penprint finds.</p>
          <div className={styles.actions}>
            <LinkButton href="/sign-up" size="lg" data-testid="closing-sign-up">
              Create an account
            </LinkButton>
            <LinkButton href="/sign-in" size="lg" variant="quiet" data-testid="closing-sign-in">
              I already have one
            </LinkButton>
          </div>
        </Container>
      </section>
    </>
  );
}

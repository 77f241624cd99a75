import Link from "next/link";
import { Container } from "./container";
import { Logo } from "./logo";
import styles from "./site-footer.module.css";

/** The foot of every page: what Penprint promises about your writing, and the account links for visitors. */
export function SiteFooter({ signedIn = false }: { signedIn?: boolean }) {
  return (
    <footer className={styles.footer} data-testid="site-footer">
      <Container className={styles.inner}>
        <div className={styles.about}>
          <p className={styles.brand}>
            <Logo size={22} />
            <span>Penprint</span>
          </p>
          <p className={styles.note}>
            Runs on your own server. Your writing stays there: no telemetry, no web fonts or scripts from elsewhere.
          </p>
        </div>
        <nav aria-label="Footer" className={styles.links}>
          {signedIn ? (
            <>
              <Link href="/settings">Settings</Link>
              <Link href="/history">History</Link>
            </>
          ) : (
            <>
              <Link href="/sign-in">Sign in</Link>
              <Link href="/sign-up">Create account</Link>
            </>
          )}
        </nav>
      </Container>
    </footer>
  );
}

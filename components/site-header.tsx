import Link from "next/link";
import type { ReactNode } from "react";
import { Container } from "./container";
import { LinkButton } from "./link-button";
import { Logo } from "./logo";
import styles from "./site-header.module.css";
import { ThemeToggle } from "./theme-toggle";

/** Links for a visitor who is not signed in. */
function VisitorLinks() {
  return (
    <>
      <LinkButton href="/sign-in" variant="quiet" size="sm" data-testid="nav-sign-in">
        Sign in
      </LinkButton>
      <LinkButton href="/sign-up" variant="primary" size="sm" data-testid="nav-sign-up">
        {/* Narrow screens show the shorter label; only one of the two is ever rendered visibly. */}
        <span className={styles.long}>Create account</span>
        <span className={styles.short}>Sign up</span>
      </LinkButton>
    </>
  );
}

/**
 * The bar at the top of every page: the wordmark (home), the theme switch and account links.
 * Pages for signed-in writers pass their own `actions` (e.g. workspace and sign-out links).
 */
export function SiteHeader({ actions }: { actions?: ReactNode }) {
  return (
    <header className={styles.header} data-testid="site-header">
      <Container className={styles.inner}>
        <Link href="/" className={styles.brand} aria-label="Penprint home">
          <Logo />
          <span className={styles.wordmark}>Penprint</span>
        </Link>
        <nav aria-label="Account" className={styles.nav}>
          <ThemeToggle />
          {actions ?? <VisitorLinks />}
        </nav>
      </Container>
    </header>
  );
}

import styles from "./skip-link.module.css";

/** First focusable element of every page: lets keyboard and screen-reader users jump past the header. */
export function SkipLink({ target = "main" }: { target?: string }) {
  return (
    <a href={`#${target}`} className={styles.skip} data-testid="skip-link">
      Skip to content
    </a>
  );
}

import styles from "./annotated-example.module.css";

/**
 * A static illustration of how Penprint reports on a paragraph: marked sentences with their reasons,
 * an honest "uncertain", and no overall percentage. It is labelled as an illustration, not real output.
 */
export function AnnotatedExample() {
  return (
    <figure className={styles.figure} data-testid="annotated-example">
      <div className={styles.toolbar}>
        <span className={styles.title}>Report on “Winter notebook”</span>
        <span className={styles.badge}>Illustration</span>
      </div>

      <p className={styles.prose}>
        I started keeping a notebook the winter my grandmother moved in with us.{" "}
        <mark className={styles.flagged}>
          <span className="visually-hidden">Marked sentence, reason 1 below: </span>
          Moreover, journaling offers a multitude of benefits, fostering creativity and enhancing overall well-being.
          <sup className={styles.ref} aria-hidden="true">
            1
          </sup>
        </mark>{" "}
        Mostly I wrote down the things she said at breakfast, half in Polish.{" "}
        <span className={styles.uncertain}>
          <span className="visually-hidden">Uncertain sentence, note 2 below: </span>
          It helped.
          <sup className={styles.ref} aria-hidden="true">
            2
          </sup>
        </span>
      </p>

      <figcaption className={styles.notes}>
        <p className={styles.notesHeading}>Why these sentences are marked</p>
        <ol className={styles.list}>
          <li>
            <span className={styles.kindFlagged}>Reads as machine-written</span>
            <ul className={styles.reasons}>
              <li>opens with a stock connective (“Moreover”)</li>
              <li>three abstract nouns in a row: benefits, creativity, well-being</li>
              <li>rhythm far more even than the sentences around it</li>
            </ul>
          </li>
          <li>
            <span className={styles.kindUncertain}>Uncertain</span>
            <ul className={styles.reasons}>
              <li>two words are too few to judge, so Penprint does not guess</li>
            </ul>
          </li>
        </ol>
        <p className={styles.footnote}>No score for the whole text: just what was found, and where.</p>
      </figcaption>
    </figure>
  );
}

import type { ReactNode } from "react";
import { Card } from "@/components/card";
import { Container } from "@/components/container";
import styles from "./forms.module.css";

/** The frame of the account pages: a heading, a short lead, one card with the form, links below. */
export function AuthPage({ title, lead, children, footer, testId }: {
  title: string;
  lead?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  testId: string;
}) {
  return (
    <Container width="narrow" className={styles.page} data-testid={testId}>
      <div>
        <h1>{title}</h1>
        {lead ? <p className={styles.muted}>{lead}</p> : null}
      </div>
      <Card>{children}</Card>
      {footer ? <div className={styles.muted}>{footer}</div> : null}
    </Container>
  );
}

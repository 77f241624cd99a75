import type { ComponentPropsWithoutRef, ElementType } from "react";
import styles from "./card.module.css";

type CardProps<T extends ElementType> = {
  as?: T;
  /** `muted` sits quietly on the page; `raised` (default) lifts content that needs attention. */
  tone?: "raised" | "muted";
} & Omit<ComponentPropsWithoutRef<T>, "as">;

/** A bordered surface for one unit of content: a form, a result, a feature. */
export function Card<T extends ElementType = "div">({ as, tone = "raised", className, ...rest }: CardProps<T>) {
  const Element: ElementType = as ?? "div";
  const classes = [styles.card, tone === "muted" ? styles.muted : styles.raised, className].filter(Boolean).join(" ");
  return <Element className={classes} {...rest} />;
}

import type { ComponentPropsWithoutRef, ElementType } from "react";
import styles from "./container.module.css";

type ContainerProps<T extends ElementType> = {
  /** The element to render; a `div` unless a landmark or section fits better. */
  as?: T;
  /** `narrow` keeps text at a readable line length (forms, prose). */
  width?: "page" | "narrow";
} & Omit<ComponentPropsWithoutRef<T>, "as">;

/** Centres content at the page width with the responsive side padding every page shares. */
export function Container<T extends ElementType = "div">({ as, width = "page", className, ...rest }: ContainerProps<T>) {
  const Element: ElementType = as ?? "div";
  const classes = [styles.container, width === "narrow" ? styles.narrow : null, className].filter(Boolean).join(" ");
  return <Element className={classes} {...rest} />;
}

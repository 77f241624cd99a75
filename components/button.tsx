import type { ComponentPropsWithoutRef } from "react";
import { buttonClassName, type ButtonSize, type ButtonVariant } from "./button-styles";

type ButtonProps = {
  variant?: ButtonVariant;
  size?: ButtonSize;
} & ComponentPropsWithoutRef<"button">;

/** A button for actions (submit, open, delete). Defaults to type="button" so it never submits by accident. */
export function Button({ variant, size, className, type = "button", ...rest }: ButtonProps) {
  return <button type={type} className={buttonClassName(variant, size, className)} {...rest} />;
}

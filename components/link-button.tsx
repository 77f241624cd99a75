import Link from "next/link";
import type { ComponentPropsWithoutRef } from "react";
import { buttonClassName, type ButtonSize, type ButtonVariant } from "./button-styles";

type LinkButtonProps = {
  variant?: ButtonVariant;
  size?: ButtonSize;
} & ComponentPropsWithoutRef<typeof Link>;

/** A link that goes somewhere but looks like a button (calls to action such as "Create an account"). */
export function LinkButton({ variant, size, className, ...rest }: LinkButtonProps) {
  return <Link className={buttonClassName(variant, size, className)} {...rest} />;
}

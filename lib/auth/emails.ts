import type { MailMessage } from "@/lib/mail";

/** The account messages. Links carry the token; the rest of the text never does. */

const footer = "\n\nIf you did not ask for this, you can ignore this message.\n— Penprint";

export function verificationEmail({ to, link, change }: { to: string; link: string; change: boolean }): MailMessage {
  return {
    to,
    subject: change ? "Confirm your new Penprint email address" : "Verify your Penprint email address",
    text: `${change ? "Confirm this address for your Penprint account" : "Welcome to Penprint. Verify your email address"} by opening this link (valid for 24 hours):\n\n${link}${footer}`,
  };
}

export function existingAccountEmail({ to, signInLink, resetLink }: { to: string; signInLink: string; resetLink: string }): MailMessage {
  return {
    to,
    subject: "You already have a Penprint account",
    text: `Someone tried to create a Penprint account with this address, which already has one.\n\nSign in: ${signInLink}\nForgot your password? ${resetLink}${footer}`,
  };
}

export function resetEmail({ to, link }: { to: string; link: string }): MailMessage {
  return {
    to,
    subject: "Reset your Penprint password",
    text: `Open this link to choose a new password (valid for 1 hour, usable once):\n\n${link}${footer}`,
  };
}

export function passwordChangedEmail({ to }: { to: string }): MailMessage {
  return {
    to,
    subject: "Your Penprint password was changed",
    text: "Your Penprint password was just changed, and every other session was signed out.\n\nIf this was not you, reset your password at once.\n— Penprint",
  };
}

export function emailChangeNoticeEmail({ to, newEmail }: { to: string; newEmail: string }): MailMessage {
  return {
    to,
    subject: "Your Penprint email address is changing",
    text: `A change of your Penprint sign-in address to ${newEmail} was requested. It takes effect when the new address is confirmed.\n\nIf this was not you, sign in and change your password.\n— Penprint`,
  };
}

export function inviteEmail({ to, link }: { to: string; link: string }): MailMessage {
  return {
    to,
    subject: "You are invited to Penprint",
    text: `You have been invited to create a Penprint account with this address. Open this link to sign up (valid for 7 days):\n\n${link}\n\n— Penprint`,
  };
}

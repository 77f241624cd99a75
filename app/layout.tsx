// Fonts are bundled from npm (@fontsource): the page never asks another server for anything.
import "@fontsource-variable/inter";
import "@fontsource-variable/source-serif-4";
import "./globals.css";

import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { SkipLink } from "@/components/skip-link";
import { WorkspaceLinks } from "@/components/workspace-links";
import { getCurrentUser } from "@/lib/auth/require-user";
import { ThemeScript } from "@/components/theme-script";

export const metadata: Metadata = {
  title: { default: "Penprint", template: "%s · Penprint" },
  description:
    "Self-hosted writing analysis: see which sentences read as machine-written and why, know the fingerprint of your own voice, and rewrite in it with a local model.",
  robots: { index: false, follow: false },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#faf8f4" },
    { media: "(prefers-color-scheme: dark)", color: "#131416" },
  ],
};

/**
 * Every page: skip link, header, one <main id="main"> and footer. Pages render their content
 * only — no <main> of their own (one main landmark per page; the skip link targets it).
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  // The header shows a signed-in writer their workspace; a failed session check shows visitor links.
  const user = await getCurrentUser().catch(() => null);
  return (
    // The theme script may set data-theme on <html> before React hydrates.
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body>
        <SkipLink />
        <SiteHeader actions={user ? <WorkspaceLinks /> : undefined} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter signedIn={Boolean(user)} />
      </body>
    </html>
  );
}

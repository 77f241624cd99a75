"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import styles from "../workspace.module.css";

interface Status {
  stale: boolean;
  rebuild: { state: "queued" | "building"; done: number; total: number } | null;
}

/** While a rebuild is pending, polls its progress every second and refreshes the page when done. */
export function RebuildStatus({ initiallyStale }: { initiallyStale: boolean }) {
  const router = useRouter();
  const [status, setStatus] = useState<Status>({ stale: initiallyStale, rebuild: null });
  const pending = status.stale || status.rebuild !== null;

  useEffect(() => {
    if (!pending) return;
    let cancelled = false;
    const timer = setInterval(async () => {
      const response = await fetch("/api/v1/fingerprints", { cache: "no-store" });
      if (!response.ok || cancelled) return;
      const body = (await response.json()) as Status;
      setStatus(body);
      if (!body.stale && body.rebuild === null) router.refresh();
    }, 1000);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [pending, router]);

  if (!pending) return null;
  const r = status.rebuild;
  return (
    <p role="status" className={styles.empty} data-testid="fingerprint-rebuilding">
      Updating your fingerprint with your latest samples
      {r && r.total > 0 ? `: ${r.done} of ${r.total} parts done` : "…"}
      {r && r.total > 0 ? <progress max={r.total} value={r.done} aria-label="Fingerprint update progress" style={{ marginLeft: "0.5rem" }} /> : null}
    </p>
  );
}

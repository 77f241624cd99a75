"use client";

import { useSyncExternalStore } from "react";
import styles from "./theme-toggle.module.css";
import { THEME_STORAGE_KEY } from "./theme-storage-key";

type ThemeChoice = "system" | "light" | "dark";

const CHANGE_EVENT = "penprint-theme-change";
const ORDER: readonly ThemeChoice[] = ["system", "light", "dark"];
const LABELS: Record<ThemeChoice, string> = { system: "Auto", light: "Light", dark: "Dark" };

function currentChoice(): ThemeChoice {
  const theme = document.documentElement.dataset.theme;
  return theme === "light" || theme === "dark" ? theme : "system";
}

function apply(choice: ThemeChoice): void {
  if (choice === "system") delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
}

function subscribe(onChange: () => void): () => void {
  // Another tab changed the theme: follow it here too.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== THEME_STORAGE_KEY) return;
    apply(event.newValue === "light" || event.newValue === "dark" ? event.newValue : "system");
    onChange();
  };
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener("storage", onStorage);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener("storage", onStorage);
  };
}

/** Cycles the colour theme Auto → Light → Dark and remembers the choice in this browser. */
export function ThemeToggle() {
  // The server cannot know the saved choice; it renders "Auto" and the client corrects it after hydration.
  const choice = useSyncExternalStore(subscribe, currentChoice, () => "system" as const);
  const next = ORDER[(ORDER.indexOf(choice) + 1) % ORDER.length] ?? "system";

  function choose() {
    apply(next);
    try {
      if (next === "system") localStorage.removeItem(THEME_STORAGE_KEY);
      else localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Storage can be blocked (private mode, policies); the choice then lasts for this page only.
    }
    window.dispatchEvent(new Event(CHANGE_EVENT));
  }

  return (
    <button
      type="button"
      className={styles.toggle}
      onClick={choose}
      aria-label={`Theme: ${LABELS[choice]}. Switch to ${LABELS[next].toLowerCase()}.`}
      data-testid="theme-toggle"
      data-theme-choice={choice}
    >
      <ThemeIcon choice={choice} />
      <span className={styles.label}>{LABELS[choice]}</span>
    </button>
  );
}

function ThemeIcon({ choice }: { choice: ThemeChoice }) {
  const common = {
    width: 18,
    height: 18,
    viewBox: "0 0 24 24",
    fill: "none",
    stroke: "currentColor",
    strokeWidth: 1.8,
    strokeLinecap: "round" as const,
    strokeLinejoin: "round" as const,
    "aria-hidden": true,
    focusable: false,
  };
  if (choice === "light") {
    return (
      <svg {...common}>
        <circle cx="12" cy="12" r="4" />
        <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
      </svg>
    );
  }
  if (choice === "dark") {
    return (
      <svg {...common}>
        <path d="M20.5 14.5A8.5 8.5 0 0 1 9.5 3.5a8.5 8.5 0 1 0 11 11Z" />
      </svg>
    );
  }
  return (
    <svg {...common}>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 3.5v17a8.5 8.5 0 0 0 0-17Z" fill="currentColor" stroke="none" />
    </svg>
  );
}

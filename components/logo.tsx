/** Penprint's mark: a pen nib whose slit ends in an ink dot. Decorative; the wordmark beside it names the app. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="9" fill="var(--accent)" />
      <path
        d="M16 5.5 23 13l-3.6 10.5h-6.8L9 13l7-7.5Z"
        fill="none"
        stroke="var(--on-accent)"
        strokeWidth="2"
        strokeLinejoin="round"
      />
      <path d="M16 6.5v8.2" stroke="var(--on-accent)" strokeWidth="2" strokeLinecap="round" />
      <circle cx="16" cy="16.6" r="1.9" fill="var(--on-accent)" />
      <path d="M12.6 26.5h6.8" stroke="var(--on-accent)" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

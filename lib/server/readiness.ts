/** Whether migrations have run in this process; /ready answers 503 until they have. */
interface Readiness {
  migrated: boolean;
  migrationError?: string;
}

const holder = globalThis as unknown as { __penprintReadiness?: Readiness };
export const readiness: Readiness = (holder.__penprintReadiness ??= { migrated: false });

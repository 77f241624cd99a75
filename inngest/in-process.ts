// Replaced by the Inngest work (in-process scheduler); kept minimal so the server entry builds.
export function startInProcessJobs(): { stop(): Promise<void> } {
  return { stop: async () => undefined };
}

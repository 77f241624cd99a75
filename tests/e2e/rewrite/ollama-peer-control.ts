import type { PeerRequest, PeerScenario } from "../../helpers/ollama-peer";

/**
 * Steers the Ollama protocol peer that playwright.config.ts starts beside Penprint (its port is
 * passed to every worker in PENPRINT_E2E_OLLAMA_PORT), through the peer's own control endpoints.
 */
const peerURL = () => {
  const port = process.env.PENPRINT_E2E_OLLAMA_PORT;
  if (!port) throw new Error("PENPRINT_E2E_OLLAMA_PORT is not set: run the specs through playwright.config.ts");
  return `http://127.0.0.1:${port}`;
};

export async function setPeerScenario(scenario: PeerScenario): Promise<void> {
  const response = await fetch(`${peerURL()}/__peer/scenario`, { method: "POST", body: JSON.stringify(scenario) });
  if (response.status !== 204) throw new Error(`the peer refused the scenario: ${response.status}`);
}

export async function resetPeer(): Promise<void> {
  const response = await fetch(`${peerURL()}/__peer/reset`, { method: "POST" });
  if (response.status !== 204) throw new Error(`the peer refused the reset: ${response.status}`);
}

/** What Penprint sent to the peer's /api/chat since the last reset. */
export async function chatRequests(): Promise<PeerRequest[]> {
  const body = (await (await fetch(`${peerURL()}/__peer/requests`)).json()) as { requests: PeerRequest[] };
  return body.requests.filter((r) => r.path === "/api/chat");
}

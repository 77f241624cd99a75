/**
 * Runs the Ollama protocol peer as its own process, for Playwright's web server and benches:
 *   npx tsx tests/helpers/ollama-peer-cli.ts --port 11555 [--scenario slow]
 * Steer it with POST /__peer/scenario, read what it received with GET /__peer/requests.
 */
import { startOllamaPeer, type PeerScenarioName } from "./ollama-peer";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const port = Number(arg("port") ?? process.env.OLLAMA_PEER_PORT ?? 0);
const scenario = (arg("scenario") ?? "normal") as PeerScenarioName;
const host = arg("host") ?? "127.0.0.1";

const peer = await startOllamaPeer({ port, host, scenario });
console.log(`ollama peer listening on ${peer.url}`);

const stop = () => {
  void peer.close().then(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

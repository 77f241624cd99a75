/**
 * `npm run bench:rewrite`: what Penprint adds to a streamed rewrite. One run starts the Ollama
 * protocol peer (tests/helpers/ollama-peer.ts, realistic chunk timing) and Penprint's production
 * server (scripts/start.mjs, which builds when the build is stale) on a free port with a fresh
 * embedded database, signs a writer up and in through the API, then alternates, RUNS times each:
 *   - direct: POST /api/chat to the peer, as Penprint's provider does;
 *   - through Penprint: POST /api/v1/rewrite (plain mode, no fingerprint needed) with the same reply.
 * For each it measures the time to the first token and the mean delay between tokens at the client.
 * Medians; the difference is Penprint's cost. Last line: {"ttftAddedMs": …, "interTokenAddedMs": …}.
 * Targets: ≤ 20 ms added to the first token, and no added buffering (inter-token added ≈ 0).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { startOllamaPeer } from "@/tests/helpers/ollama-peer";

const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const WARMUP = 3;
const TOKEN_DELAY_MS = 25;
const FIRST_TOKEN_DELAY_MS = 150;
const root = path.resolve(import.meta.dirname, "..");

// 40 tokens: long enough for a stable inter-token mean, short enough for 2 × RUNS runs in about a minute.
const REPLY = "I didn't plan to keep bees, but a neighbour moved away and left two hives at the bottom of the garden. So I looked after them, slowly at first, and then with something like care. They forgave a slow hand.";
const PASSAGE = "I did not plan to keep bees. However, a neighbour moved away and left two hives at the bottom of the garden. Therefore I looked after them.";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

interface Timing {
  ttftMs: number;
  interTokenMs: number;
  tokens: number;
}

/** Reads an NDJSON body as it arrives, timing each line that carries text. */
async function timeStream(response: Response, started: number, textOf: (event: Record<string, unknown>) => string | undefined): Promise<Timing> {
  if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const arrivals: number[] = [];
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    const now = performance.now();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let nl: number;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (!line) continue;
      const text = textOf(JSON.parse(line) as Record<string, unknown>);
      if (text) arrivals.push(now);
    }
  }
  const first = arrivals[0];
  const last = arrivals[arrivals.length - 1];
  if (first === undefined || last === undefined || arrivals.length < 2) throw new Error("stream carried fewer than two tokens");
  return { ttftMs: first - started, interTokenMs: (last - first) / (arrivals.length - 1), tokens: arrivals.length };
}

/** CPU milliseconds a process has used so far (Linux /proc), or undefined elsewhere. */
function cpuMs(pid: number | undefined): number | undefined {
  const file = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(file)) return undefined;
  // Fields after the command name (which may contain spaces): utime and stime are the 12th and 13th.
  const fields = readFileSync(file, "utf8").split(") ")[1]?.split(" ") ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

async function waitReady(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`Penprint exited with code ${server.exitCode}`);
    try {
      const r = await fetch(`${url}/ready`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("Penprint did not become ready in time");
}

async function main() {
  const peer = await startOllamaPeer({
    scenario: { name: "normal", reply: REPLY, tokenDelayMs: TOKEN_DELAY_MS, firstTokenDelayMs: FIRST_TOKEN_DELAY_MS },
  });
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "penprint-bench-rewrite-"));
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [path.join(root, "scripts", "start.mjs")], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      AUTH_URL: base,
      PENPRINT_DATA_DIR: dataDir,
      OLLAMA_BASE_URL: peer.url,
      OLLAMA_MODEL: "llama3.1:8b",
      REWRITE_RATE_LIMIT_PER_MINUTE: "10000",
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const stop = async () => {
    if (server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
    }
    await peer.close();
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    // A cold start may build first (about a minute on this machine type).
    await waitReady(base, server, 10 * 60_000);
    const email = `bench-${Date.now()}@example.org`;
    const password = "a long bench password 42";
    const signUp = await fetch(`${base}/api/v1/account/sign-up`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password, name: "Bench" }),
    });
    if (signUp.status !== 202) throw new Error(`sign-up answered ${signUp.status}: ${await signUp.text()}`);
    const signIn = await fetch(`${base}/api/v1/account/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    if (!signIn.ok) throw new Error(`sign-in answered ${signIn.status}: ${await signIn.text()}`);
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");

    const direct = async (): Promise<Timing> => {
      const started = performance.now();
      const response = await fetch(`${peer.url}/api/chat`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ model: "llama3.1:8b", stream: true, messages: [{ role: "user", content: PASSAGE }] }),
      });
      return timeStream(response, started, (e) => (e.message as { content?: string } | undefined)?.content);
    };
    const throughPenprint = async (): Promise<Timing> => {
      const started = performance.now();
      const response = await fetch(`${base}/api/v1/rewrite`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body: JSON.stringify({ text: PASSAGE, register: "overall", mode: "plain", meaning: "strict", length: "same" }),
      });
      return timeStream(response, started, (e) => (e.type === "delta" ? (e.text as string) : undefined));
    };

    for (let i = 0; i < WARMUP; i++) {
      await direct();
      await throughPenprint();
    }
    const results = { direct: [] as Timing[], penprint: [] as Timing[] };
    // The server's CPU time over the measured rewrites (idle background work included, about 8 ms a second):
    // a busy machine stretches it much less than it stretches latency.
    const cpuBefore = cpuMs(server.pid);
    for (let i = 0; i < RUNS; i++) {
      // Alternate so that any drift of the machine touches both paths alike.
      if (i % 2 === 0) {
        results.direct.push(await direct());
        results.penprint.push(await throughPenprint());
      } else {
        results.penprint.push(await throughPenprint());
        results.direct.push(await direct());
      }
    }

    const cpuAfter = cpuMs(server.pid);
    const row = (name: string, xs: Timing[]) => ({
      name,
      ttft: median(xs.map((x) => x.ttftMs)),
      inter: median(xs.map((x) => x.interTokenMs)),
      tokens: median(xs.map((x) => x.tokens)),
    });
    const d = row("Ollama peer, direct", results.direct);
    const p = row("through POST /api/v1/rewrite", results.penprint);
    const fmt = (x: number) => x.toFixed(1).padStart(9);
    // A busy machine inflates every millisecond of server work: say how busy it was.
    const [load1] = os.loadavg();
    console.log(`\nLoad average during the run: ${load1?.toFixed(1)} on ${os.cpus().length} CPUs`);
    if (cpuBefore !== undefined && cpuAfter !== undefined) {
      console.log(`Penprint server CPU per streamed rewrite (whole request, ${RUNS} runs): ${((cpuAfter - cpuBefore) / RUNS).toFixed(1)} ms`);
    }
    console.log(`\nStreamed rewrite, ${RUNS} runs each (medians), peer: first token after ${FIRST_TOKEN_DELAY_MS} ms, then one every ${TOKEN_DELAY_MS} ms`);
    console.log(`${"path".padEnd(32)}${"TTFT ms".padStart(9)}${"gap ms".padStart(9)}${"tokens".padStart(9)}`);
    for (const r of [d, p]) console.log(`${r.name.padEnd(32)}${fmt(r.ttft)}${fmt(r.inter)}${fmt(r.tokens)}`);
    const added = { ttftAddedMs: Math.round((p.ttft - d.ttft) * 10) / 10, interTokenAddedMs: Math.round((p.inter - d.inter) * 100) / 100 };
    console.log(`${"added by Penprint".padEnd(32)}${fmt(added.ttftAddedMs)}${fmt(added.interTokenAddedMs)}`);
    console.log(JSON.stringify(added));
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

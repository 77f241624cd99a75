import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probeOllama } from "@/lib/health";
import { startOllamaPeer, type OllamaPeer } from "@/tests/helpers/ollama-peer";
import { listInstalledModels, sameModel } from "./tags";

let peer: OllamaPeer;
beforeAll(async () => {
  peer = await startOllamaPeer();
});
afterAll(async () => {
  await peer.close();
});

describe("installed models from /api/tags", () => {
  it("reads Ollama's model list", async () => {
    peer.setScenario("normal");
    const models = await listInstalledModels({ baseUrl: `${peer.url}/` });
    expect(models.map((m) => m.name)).toEqual(["llama3.1:8b", "mistral:7b", "nomic-embed-text:latest"]);
    expect(models[0]?.sizeBytes).toBeGreaterThan(1e9);
  });

  it("treats an untagged name as :latest", () => {
    expect(sameModel("nomic-embed-text:latest", "nomic-embed-text")).toBe(true);
    expect(sameModel("llama3.1:8b", "llama3.1")).toBe(false);
  });

  it("/health's Ollama probe reports the configured model present, missing (with the pull command) or Ollama down", async () => {
    peer.setScenario("normal");
    expect(await probeOllama({ baseUrl: peer.url, model: "llama3.1:8b" }, 1_000)).toMatchObject({ status: "ok", modelPresent: true });
    peer.setScenario({ name: "missing-model", model: "llama3.1:8b" });
    expect(await probeOllama({ baseUrl: peer.url, model: "llama3.1:8b" }, 1_000)).toMatchObject({
      status: "ok",
      modelPresent: false,
      note: expect.stringContaining("ollama pull llama3.1:8b"),
    });
    peer.setScenario("refuse");
    expect(await probeOllama({ baseUrl: peer.url, model: "llama3.1:8b" }, 1_000)).toMatchObject({ status: "down" });
  });
});

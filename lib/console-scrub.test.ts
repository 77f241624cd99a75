import { Console } from "node:console";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { scrubConsole } from "./console-scrub";

function capture(): { console: Console; output: () => string } {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk.toString("utf8")));
  return { console: new Console({ stdout: stream, stderr: stream, colorMode: false }), output: () => chunks.join("") };
}

describe("scrubConsole", () => {
  it("scrubs errors printed the way Next prints them", () => {
    const { console: target, output } = capture();
    scrubConsole(target);
    const error = new Error('Failed query: insert into "samples" ("text") values ($1)\nparams: The heron waited by the grey water');
    target.error(" ⨯ %s", "GET /api/v1/samples for lee@example.org", error);
    target.warn("retrying with token=%s", "k3J9sQ2vX8pL0aZt7YcWbN4mR1eUfHdG6iOyTqAs");
    const printed = output();
    expect(printed).toContain("Failed query: insert into");
    expect(printed).toContain("params: [Filtered]");
    expect(printed).toContain("[email]");
    expect(printed).not.toContain("heron");
    expect(printed).not.toContain("lee@example.org");
    expect(printed).not.toContain("k3J9sQ2vX8pL0aZt7YcWbN4mR1eUfHdG6iOyTqAs");
  });

  it("wraps only once", () => {
    const { console: target, output } = capture();
    scrubConsole(target);
    const first = target.error;
    scrubConsole(target);
    expect(target.error).toBe(first);
    target.error("plain message");
    expect(output()).toBe("plain message\n");
  });
});

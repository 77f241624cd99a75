// penprint: the command line over lib/analysis. Run as `npm run --silent penprint -- <command> …`.
// Exit codes: 0 every input analysed, 1 some input failed, 2 usage error.
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import path from "node:path";
import { UsageError } from "./read-inputs";

const COMMANDS = ["detect", "fingerprint", "compare", "attribute", "eval"] as const;
const USAGE = `usage: penprint <command> [options] FILE...
  detect [--json] FILE...                              AI likelihood per document and sentence
  fingerprint [--register R] --out FP.json FILE...     build a writer's fingerprint
  compare --fingerprint FP.json [--json] FILE...       is this text by that writer?
  attribute [--json] --candidate NAME=PATH ... FILE... which writer wrote it, if any
  eval [--corpora DIR] [--out FILE.md]                 the accuracy evaluation
FILE may be - for standard input.`;

interface CommandModule { run: (args: string[]) => Promise<number>; usage?: string }

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(USAGE + "\n");
    return name ? 0 : 2;
  }
  if (!(COMMANDS as readonly string[]).includes(name)) {
    process.stderr.write(`penprint: unknown command "${name}"\n${USAGE}\n`);
    return 2;
  }
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), "commands", `${name}.ts`);
  if (!existsSync(file)) {
    process.stderr.write(`penprint: the "${name}" command is not available in this build\n${USAGE}\n`);
    return 2;
  }
  const mod = (await import(pathToFileURL(file).href)) as Partial<CommandModule>;
  if (typeof mod.run !== "function") {
    process.stderr.write(`penprint: the "${name}" command is not available in this build\n`);
    return 2;
  }
  try {
    return await mod.run(rest);
  } catch (e) {
    if (e instanceof UsageError || (e as Error).name === "UsageError") {
      process.stderr.write(`penprint ${name}: ${(e as Error).message}\n${mod.usage ? `usage: ${mod.usage}` : USAGE}\n`);
      return 2;
    }
    throw e;
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (e: unknown) => { process.stderr.write(`penprint: ${(e as Error).stack ?? String(e)}\n`); process.exitCode = 1; },
  );
}

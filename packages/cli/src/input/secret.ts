// Reading the API key for `lbx config set --api-key-stdin`: from a pipe, the first non-empty line;
// on a terminal, a prompt that does not echo what is typed.
import type { Output } from "../output/redact.js";
import { usageError } from "../errors.js";

type Stdin = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

export async function readSecret(stdin: Stdin, prompt: Output, signal: AbortSignal): Promise<string> {
  const text = stdin.isTTY && stdin.setRawMode ? await promptHidden(stdin, prompt, signal) : await readAll(stdin);
  const key = text.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== "");
  if (!key) throw usageError("No API key on stdin");
  return key;
}

async function readAll(stdin: Stdin): Promise<string> {
  let text = "";
  for await (const chunk of stdin) text += String(chunk);
  return text;
}

function promptHidden(stdin: Stdin, prompt: Output, signal: AbortSignal): Promise<string> {
  prompt.write("API key (input hidden): ");
  return new Promise((resolve, reject) => {
    let value = "";
    const finish = (fn: () => void) => {
      stdin.setRawMode?.(false);
      stdin.removeListener("data", onData);
      stdin.pause();
      prompt.write("\n");
      fn();
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of String(chunk)) {
        if (ch === "\r" || ch === "\n" || ch === "\u0004") return finish(() => resolve(value));
        if (ch === "\u0003") return finish(() => reject(signal.reason ?? new Error("Interrupted")));
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else value += ch;
      }
      return undefined;
    };
    stdin.setRawMode?.(true);
    stdin.resume();
    stdin.on("data", onData);
  });
}

// Where the commands connect and with which key. Precedence, most specific first:
//   key:      --api-key-file, LABELBOX_API_KEY, the config file
//   endpoint: --endpoint, LBX_ENDPOINT, the config file, the Labelbox cloud
// --local replaces both with an embedded emulator. A key is never accepted on the command line:
// argv is visible to every user of the machine (ps) and lands in shell history.
import fs from "node:fs";
import path from "node:path";
import { DEFAULT_ENDPOINT } from "@lbx/core";
import { ExitCode } from "../exit-codes.js";
import { CliError, usageError } from "../errors.js";
import type { Redactor } from "../output/redact.js";
import { configPath, readConfig } from "./config-file.js";

type Env = Readonly<Record<string, string | undefined>>;

export interface ConnectionFlags {
  readonly endpoint?: string | undefined;
  readonly apiKeyFile?: string | undefined;
}

/** Where the key came from, for `lbx config show` and error messages (never the key itself). */
export type KeySource = "--api-key-file" | "LABELBOX_API_KEY" | "config file";

export interface Connection {
  readonly endpoint: string;
  readonly apiKey: string;
  readonly keySource: KeySource;
}

/** Resolves endpoint and key, registering the key with the redactor before anything can print it. */
export function resolveConnection(flags: ConnectionFlags, env: Env, cwd: string, redactor: Redactor, warn: (line: string) => void): Connection {
  // Every key we can see is a secret, whichever one wins.
  redactor.add(env["LABELBOX_API_KEY"]);
  const file = configPath(env);
  const config = readConfig(file, warn);
  redactor.add(config.apiKey);

  let apiKey: string | undefined;
  let keySource: KeySource | undefined;
  if (flags.apiKeyFile) {
    apiKey = readKeyFile(path.resolve(cwd, flags.apiKeyFile));
    redactor.add(apiKey);
    keySource = "--api-key-file";
  } else if (env["LABELBOX_API_KEY"]?.trim()) {
    apiKey = env["LABELBOX_API_KEY"].trim();
    keySource = "LABELBOX_API_KEY";
  } else if (config.apiKey) {
    apiKey = config.apiKey.trim();
    keySource = "config file";
  }
  if (!apiKey || !keySource) {
    throw new CliError(
      "No API key. Set LABELBOX_API_KEY, pass --api-key-file FILE, save one with `lbx config set --api-key-stdin`, or use --local for the embedded emulator.",
      ExitCode.auth,
      "NO_API_KEY",
    );
  }
  const endpoint = flags.endpoint ?? (env["LBX_ENDPOINT"] || undefined) ?? config.endpoint ?? DEFAULT_ENDPOINT;
  if (!/^https?:\/\/[^/\s]+/.test(endpoint)) throw usageError(`--endpoint must be an http(s) URL, got ${JSON.stringify(endpoint)}`);
  return { endpoint, apiKey, keySource };
}

/** Reads a key file: the first non-empty line, trimmed. Error messages name the file, never its content. */
export function readKeyFile(file: string): string {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw usageError(`Cannot read the API key file ${file}: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
  }
  const key = text.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== "");
  if (!key) throw usageError(`The API key file ${file} is empty`);
  return key;
}

// Everything a command needs for one run: the printer, the abort signal (Ctrl-C), and a client
// created on first use, so commands that need no server (help, dry runs, config) never need a key.
import { createClient, type LbxClient } from "@lbx/core";
import type { RunningEmulator } from "@lbx/emulator";
import { resolveConnection } from "./config/connection.js";
import { localDataDir, startLocalEmulator } from "./config/local.js";
import { usageError } from "./errors.js";
import type { Io } from "./io.js";
import { Printer } from "./output/printer.js";

/** Options every command accepts (declared on the root command). */
export interface GlobalOptions {
  readonly endpoint?: string;
  readonly apiKeyFile?: string;
  readonly local?: boolean;
  readonly data?: string;
  readonly json?: boolean;
  /** Commander's `--no-color` sets this to false. */
  readonly color?: boolean;
  readonly quiet?: boolean;
}

export class CommandContext {
  readonly printer: Printer;
  #client: Promise<LbxClient> | undefined;
  #local: Promise<RunningEmulator> | undefined;
  /** Set by {@link useEmbedded}: the data folder of an embedded emulator this command insists on. */
  #embedded: { dataDir: string } | undefined;

  constructor(
    readonly io: Io,
    readonly globals: GlobalOptions,
    readonly signal: AbortSignal,
  ) {
    this.printer = new Printer(io, { json: globals.json === true, color: globals.color !== false, status: globals.quiet !== true });
    if (globals.local && (globals.endpoint || globals.apiKeyFile)) throw usageError("--local runs against the embedded emulator; it cannot be combined with --endpoint or --api-key-file");
  }

  /**
   * Makes this run use an embedded emulator on `dataDir`, whatever the flags say (`lbx
   * quickstart`). Call before the first {@link client}.
   */
  useEmbedded(dataDir: string): void {
    this.#embedded = { dataDir };
  }

  /** The embedded emulator, once {@link client} started one. */
  async embedded(): Promise<RunningEmulator | undefined> {
    return this.#local;
  }

  /** The client for this run: the embedded emulator with --local, else the resolved connection. */
  client(): Promise<LbxClient> {
    this.#client ??= this.#createClient();
    return this.#client;
  }

  get localDir(): string {
    return this.#embedded?.dataDir ?? localDataDir(this.globals.data, this.io.env, this.io.cwd);
  }

  /** Stops the embedded emulator, if this run started one (its state stays in the data folder). */
  async close(): Promise<void> {
    const local = this.#local;
    this.#local = undefined;
    if (local) await (await local.catch(() => undefined))?.close();
  }

  async #createClient(): Promise<LbxClient> {
    if (this.globals.local || this.#embedded) {
      this.#local = startLocalEmulator(this.localDir);
      const emulator = await this.#local;
      // A local server answers at once: poll tasks sooner than the cloud defaults.
      return createClient({ apiKey: emulator.apiKey, endpoint: emulator.url, polling: { minDelayMs: 100, maxDelayMs: 500 } });
    }
    const connection = resolveConnection(this.globals, this.io.env, this.io.cwd, this.io.redactor, (line) => this.printer.warn(line));
    return createClient({ apiKey: connection.apiKey, endpoint: connection.endpoint });
  }
}

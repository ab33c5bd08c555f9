// lbx emulator: the local Labelbox-compatible server in the foreground, until Ctrl-C.
import { type Command, InvalidArgumentError, Option } from "commander";
import { action, examples, type Runtime } from "../command-kit.js";
import { localDataDir } from "../config/local.js";
import { usageError } from "../errors.js";
import { renderRecord } from "../output/record.js";

interface EmulatorCommandOptions {
  port: number;
  host: string;
  memory?: boolean;
  verbose?: boolean;
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) throw new InvalidArgumentError("must be a port number, 0-65535.");
  return n;
}

export function registerEmulator(program: Command, runtime: Runtime): void {
  examples(
    program
      .command("emulator")
      .description("run the local Labelbox-compatible server (@lbx/emulator) until Ctrl-C")
      .addHelpText("after", "\nState is kept in the --local data folder (--data DIR, else LBX_LOCAL_DATA, else ~/.lbx/local) unless --memory.\nThe API key is the public development key, or LBX_EMULATOR_API_KEY (never printed).")
      .addOption(new Option("--port <port>", "TCP port; 0 picks a free one").default(4000).argParser(port))
      .option("--host <host>", "interface to listen on", "127.0.0.1")
      .option("--memory", "keep everything in memory (gone when it stops)")
      .option("--verbose", "log every request to stderr")
      .action(
        action<EmulatorCommandOptions>(runtime, async (ctx, options) => {
          if (options.memory && ctx.globals.data) throw usageError("--memory and --data cannot be combined");
          if (ctx.globals.local) throw usageError("lbx emulator starts a server for other programs; --local is for running a command against an embedded one");
          const { startEmulator, DEFAULT_API_KEY } = await import("@lbx/emulator");
          // A key of the user's choosing (LBX_EMULATOR_API_KEY) is theirs to know: never printed.
          const customKey = ctx.io.env["LBX_EMULATOR_API_KEY"];
          ctx.io.redactor.add(customKey);
          const dataDir = options.memory ? null : localDataDir(ctx.globals.data, ctx.io.env, ctx.io.cwd);
          const emulator = await startEmulator({
            port: options.port,
            host: options.host,
            ...(dataDir ? { dataDir } : {}),
            ...(options.verbose ? { log: (line: string) => ctx.io.stderr.write(`${line}\n`) } : {}),
          });
          const publicKey = emulator.apiKey === DEFAULT_API_KEY;
          ctx.printer.result({ url: emulator.url, apiKey: publicKey ? emulator.apiKey : null, apiKeyFrom: publicKey ? "default" : "LBX_EMULATOR_API_KEY", dataDir }, () =>
            [
              "lbx emulator is running.",
              renderRecord(
                [
                  ["endpoint", emulator.url],
                  ["API key", publicKey ? `${emulator.apiKey} (the public development key)` : "the value of LBX_EMULATOR_API_KEY"],
                  ["data", dataDir ?? "in memory (lost on exit)"],
                ],
                ctx.printer.out,
              ).trimEnd(),
              "",
              "Use it from another terminal:",
              publicKey ? `  export LABELBOX_API_KEY=${emulator.apiKey}` : "  export LABELBOX_API_KEY=\"$LBX_EMULATOR_API_KEY\"",
              `  lbx --endpoint ${emulator.url} datasets list`,
              "Press Ctrl-C to stop.",
            ].join("\n"),
          );
          await new Promise<void>((resolve) => {
            if (ctx.signal.aborted) resolve();
            ctx.signal.addEventListener("abort", () => resolve(), { once: true });
          });
          await emulator.close();
          ctx.printer.status("lbx emulator stopped.");
        }),
      ),
    "lbx emulator",
    "lbx emulator --port 0 --memory --json   # prints {\"url\",\"apiKey\",\"dataDir\"} once ready",
    "lbx emulator --data ./lbx-data --port 4100",
  );
}

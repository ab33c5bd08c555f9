// lbx config set | show: the config file holding endpoint and key (mode 0600).
import path from "node:path";
import { DEFAULT_ENDPOINT } from "@lbx/core";
import type { Command } from "commander";
import { action, examples, type Runtime } from "../command-kit.js";
import { configPath, readConfig, writeConfig } from "../config/config-file.js";
import { readKeyFile } from "../config/connection.js";
import { usageError } from "../errors.js";
import { readSecret } from "../input/secret.js";
import { renderRecord } from "../output/record.js";

export function registerConfig(program: Command, runtime: Runtime): void {
  const config = program.command("config").description("save the endpoint and API key in a config file (mode 0600)");
  examples(config, "lbx config set --api-key-stdin < key.txt", "lbx config show");

  examples(
    config
      .command("set")
      .description("save an API key (from stdin, a hidden prompt, or the global --api-key-file) and/or the global --endpoint as defaults")
      .option("--api-key-stdin", "read the API key from stdin (a hidden prompt on a terminal)")
      .action(
        action<{ apiKeyStdin?: boolean }>(runtime, async (ctx, options) => {
          const file = configPath(ctx.io.env);
          const current = readConfig(file, (l) => ctx.printer.warn(l));
          ctx.io.redactor.add(current.apiKey);
          let apiKey: string | undefined;
          if (options.apiKeyStdin) apiKey = await readSecret(ctx.io.stdin, ctx.io.stderr, ctx.signal);
          else if (ctx.globals.apiKeyFile) apiKey = readKeyFile(path.resolve(ctx.io.cwd, ctx.globals.apiKeyFile));
          ctx.io.redactor.add(apiKey);
          const endpoint = ctx.globals.endpoint;
          if (endpoint !== undefined && !/^https?:\/\/[^/\s]+/.test(endpoint)) throw usageError(`--endpoint must be an http(s) URL, got ${JSON.stringify(endpoint)}`);
          if (apiKey === undefined && endpoint === undefined) throw usageError("Nothing to save: give --api-key-stdin, --api-key-file FILE or --endpoint URL");
          writeConfig(file, { ...current, ...(apiKey !== undefined ? { apiKey } : {}), ...(endpoint !== undefined ? { endpoint } : {}) });
          const saved = [apiKey !== undefined ? "API key" : "", endpoint !== undefined ? `endpoint ${endpoint}` : ""].filter(Boolean).join(" and ");
          ctx.printer.result({ path: file, saved: { apiKey: apiKey !== undefined, endpoint: endpoint ?? null } }, () => `Saved ${saved} to ${file} (mode 0600).`);
        }),
      ),
    "lbx config set --api-key-stdin          # prompts, input hidden",
    "lbx config set --api-key-stdin < key.txt",
    "lbx config set --endpoint http://127.0.0.1:4000/graphql",
  );

  examples(
    config
      .command("show")
      .description("show the config file, the endpoint in use and where the key comes from (never the key)")
      .action(
        action(runtime, async (ctx) => {
          const { env } = ctx.io;
          const file = configPath(env);
          const saved = readConfig(file, (l) => ctx.printer.warn(l));
          ctx.io.redactor.add(saved.apiKey);
          ctx.io.redactor.add(env["LABELBOX_API_KEY"]);
          const keySource = ctx.globals.apiKeyFile ? "--api-key-file" : env["LABELBOX_API_KEY"]?.trim() ? "LABELBOX_API_KEY" : saved.apiKey ? "config file" : null;
          const [endpoint, endpointSource] = ctx.globals.endpoint
            ? [ctx.globals.endpoint, "--endpoint"]
            : env["LBX_ENDPOINT"]
              ? [env["LBX_ENDPOINT"], "LBX_ENDPOINT"]
              : saved.endpoint
                ? [saved.endpoint, "config file"]
                : [DEFAULT_ENDPOINT, "default"];
          const result = { path: file, endpoint, endpointSource, apiKey: { set: keySource !== null, source: keySource } };
          ctx.printer.result(result, () =>
            renderRecord(
              [
                ["config file", file],
                ["endpoint", `${endpoint} (${endpointSource})`],
                ["API key", keySource ? `set (from ${keySource})` : "not set"],
              ],
              ctx.printer.out,
            ),
          );
        }),
      ),
    "lbx config show",
    "lbx config show --json",
  );
}

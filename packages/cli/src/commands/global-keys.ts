// lbx global-keys assign FILE | lookup KEYS... | clear KEYS...
import { assignGlobalKeysToDataRows, clearGlobalKeys, getDataRowIdsForGlobalKeys } from "@lbx/core";
import type { Command } from "commander";
import { action, examples, type Runtime } from "../command-kit.js";
import { ExitCode } from "../exit-codes.js";
import { usageError } from "../errors.js";
import { readAssignments } from "../input/assignments-file.js";
import { readValues } from "../input/values-file.js";
import { plural } from "../output/format.js";

/** All succeeded: 0; none did: `none`; some did: partial (4). */
function outcome(succeeded: number, failed: number, none: ExitCode): ExitCode {
  if (failed === 0) return ExitCode.ok;
  return succeeded === 0 ? none : ExitCode.partial;
}

async function keysFrom(args: unknown, file: string | undefined, stdin: NodeJS.ReadableStream): Promise<string[]> {
  const keys = [...((args as string[] | undefined) ?? []), ...(file ? await readValues(file, "globalKey", stdin) : [])];
  if (keys.length === 0) throw usageError("Give global keys as arguments or with --from-file");
  return keys;
}

export function registerGlobalKeys(program: Command, runtime: Runtime): void {
  const group = program.command("global-keys").description("assign, look up and clear global keys");
  examples(group, "lbx global-keys lookup quickstart-00042", "lbx global-keys assign keys.csv");

  examples(
    group
      .command("assign")
      .description("assign global keys to data rows, from JSON lines or a CSV with dataRowId and globalKey columns")
      .argument("<file>", "assignments file (- = stdin)")
      .action(
        action(runtime, async (ctx, _options, [file]) => {
          const assignments = await readAssignments(file as string, ctx.io.stdin);
          const result = await assignGlobalKeysToDataRows(await ctx.client(), assignments, { signal: ctx.signal });
          ctx.printer.result(result, () => {
            const lines = [`Assigned ${plural(result.results.length, "global key")}; ${result.errors.length} failed.`];
            for (const r of result.results.filter((r) => r.sanitized)) lines.push(`  ${r.dataRowId}: stored as ${JSON.stringify(r.globalKey)} (characters replaced)`);
            for (const e of result.errors) lines.push(`  ${e.dataRowId} ${JSON.stringify(e.globalKey)}: ${e.error}`);
            return lines.join("\n");
          });
          return outcome(result.results.length, result.errors.length, ExitCode.failure);
        }),
      ),
    "lbx global-keys assign keys.ndjson   # lines of {\"dataRowId\": \"ck...\", \"globalKey\": \"cat-1\"}",
    "printf 'dataRowId,globalKey\\nckxyz0123456789abcdefghij,cat-1\\n' | lbx global-keys assign -",
  );

  examples(
    group
      .command("lookup")
      .description("find the data row id of each global key")
      .argument("[keys...]", "global keys")
      .option("--from-file <file>", "read the keys from FILE, one per line (- = stdin)")
      .action(
        action<{ fromFile?: string }>(runtime, async (ctx, options, [args]) => {
          const keys = await keysFrom(args, options.fromFile, ctx.io.stdin);
          const result = await getDataRowIdsForGlobalKeys(await ctx.client(), keys, { signal: ctx.signal });
          const errors = new Map(result.errors.map((e) => [e.globalKey, e.error]));
          const rows = keys.map((globalKey, i) => {
            const dataRowId = result.results[i] || null;
            return dataRowId ? { globalKey, dataRowId } : { globalKey, dataRowId: null, error: errors.get(globalKey) ?? "Data Row not found" };
          });
          ctx.printer.result(rows, () =>
            ctx.printer.table(rows, [
              { header: "GLOBAL KEY", value: (r) => r.globalKey },
              { header: "DATA ROW ID", value: (r) => r.dataRowId ?? `(${"error" in r ? r.error : "not found"})` },
            ]),
          );
          const found = rows.filter((r) => r.dataRowId).length;
          return outcome(found, rows.length - found, ExitCode.notFound);
        }),
      ),
    "lbx global-keys lookup quickstart-00042 quickstart-00043",
    "lbx global-keys lookup --from-file keys.txt --json",
  );

  examples(
    group
      .command("clear")
      .description("remove global keys from their data rows, freeing them for reuse")
      .argument("[keys...]", "global keys")
      .option("--from-file <file>", "read the keys from FILE, one per line (- = stdin)")
      .action(
        action<{ fromFile?: string }>(runtime, async (ctx, options, [args]) => {
          const keys = await keysFrom(args, options.fromFile, ctx.io.stdin);
          const result = await clearGlobalKeys(await ctx.client(), keys, { signal: ctx.signal });
          ctx.printer.result(result, () =>
            [`Cleared ${plural(result.results.length, "global key")}.`, ...result.errors.map((e) => `  ${JSON.stringify(e.globalKey)}: ${e.error}`)].join("\n"),
          );
          return outcome(result.results.length, result.errors.length, ExitCode.notFound);
        }),
      ),
    "lbx global-keys clear quickstart-00042",
  );
}

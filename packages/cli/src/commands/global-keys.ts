// lbx global-keys assign FILE | lookup KEYS... | clear KEYS...
import { assignGlobalKeys } from "@lbx/bulk";
import { clearGlobalKeys, getDataRowIdsForGlobalKeys } from "@lbx/core";
import type { Command } from "commander";
import { action, examples, type Runtime } from "../command-kit.js";
import { ExitCode } from "../exit-codes.js";
import { usageError } from "../errors.js";
import { type AssignmentLine, readAssignments } from "../input/assignments-file.js";
import { readValues } from "../input/values-file.js";
import { plural } from "../output/format.js";

/** All succeeded: 0; none did: `none`; some did: partial (4). */
function outcome(succeeded: number, failed: number, none: ExitCode): ExitCode {
  if (failed === 0) return ExitCode.ok;
  return succeeded === 0 ? none : ExitCode.partial;
}

/** Failures found in the file before anything is sent: a bad line, an invalid key, a repeat. */
const LOCAL_CODES = new Set(["INVALID_LINE", "INVALID_ASSIGNMENT", "DUPLICATE_ASSIGNMENT"]);

/**
 * @lbx/bulk names an earlier assignment by its 0-based position ("input row 3"); the user knows
 * the file by its lines.
 */
function linesForRows(message: string, assignments: readonly AssignmentLine[]): string {
  return message.replace(/\binput row (\d+)\b/g, (text, index: string) => {
    const line = assignments[Number(index)]?.line;
    return line !== undefined ? `line ${line}` : text;
  });
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
      .description("assign global keys to data rows, from JSON lines or a CSV with dataRowId and globalKey columns; a bad line fails alone")
      .argument("<file>", "assignments file (- = stdin)")
      .action(
        action(runtime, async (ctx, _options, [file]) => {
          const input = await readAssignments(file as string, ctx.io.stdin);
          const { assignments } = input;
          // Per line: an invalid key or a repeated row or key fails its own line, never the file.
          const pairs = assignments.map(({ dataRowId, globalKey }) => ({ dataRowId, globalKey }));
          const { outcomes } = pairs.length > 0 ? await assignGlobalKeys(await ctx.client(), pairs, { signal: ctx.signal }) : { outcomes: [] };
          const results = outcomes.flatMap((o) => (o.status === "assigned" ? [{ line: assignments[o.index]!.line, dataRowId: o.dataRowId, globalKey: o.globalKey, sanitized: o.sanitized }] : []));
          const errors = [
            ...input.problems.map((p) => ({ line: p.line, dataRowId: null, globalKey: null, code: "INVALID_LINE", error: p.message })),
            ...outcomes.flatMap((o) =>
              o.status === "failed" ? [{ line: assignments[o.index]!.line, dataRowId: o.dataRowId, globalKey: o.globalKey, code: o.code, error: linesForRows(o.message, assignments) }] : [],
            ),
          ].sort((a, b) => a.line - b.line);
          const status = errors.length === 0 ? "SUCCESS" : results.length > 0 ? "PARTIAL SUCCESS" : "FAILURE";
          ctx.printer.result({ file: input.name, status, results, errors }, () => {
            const lines = [`Assigned ${plural(results.length, "global key")}; ${errors.length} failed.`];
            for (const r of results.filter((r) => r.sanitized)) lines.push(`${input.name}:${r.line}: ${r.dataRowId}: stored as ${JSON.stringify(r.globalKey)} (characters replaced)`);
            for (const e of errors) lines.push(`${input.name}:${e.line}: ${e.dataRowId !== null ? `${e.dataRowId} ${JSON.stringify(e.globalKey)}: ` : ""}${e.code}: ${e.error}`);
            return lines.join("\n");
          });
          // Nothing assigned and nothing even sent: the file itself is unusable (exit 2).
          if (results.length === 0 && errors.every((e) => LOCAL_CODES.has(e.code))) return ExitCode.usage;
          return outcome(results.length, errors.length, ExitCode.failure);
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

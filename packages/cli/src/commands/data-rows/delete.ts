// lbx data-rows delete <ids...> | --global-keys <keys...> | --from-file FILE
import { bulkDeleteDataRows } from "@lbx/bulk";
import { getDataRowIdsForGlobalKeys } from "@lbx/core";
import type { Command } from "commander";
import { action, examples, type Runtime } from "../../command-kit.js";
import { ExitCode } from "../../exit-codes.js";
import { usageError } from "../../errors.js";
import { confirm } from "../../input/confirm.js";
import { readValues } from "../../input/values-file.js";
import { count, plural } from "../../output/format.js";
import { createProgress } from "../../output/progress.js";

interface DeleteOptions {
  globalKeys?: boolean;
  fromFile?: string;
  yes?: boolean;
}

export function registerDelete(group: Command, runtime: Runtime): void {
  examples(
    group
      .command("delete")
      .description("delete data rows by id or global key, given as arguments or in a file (asks first on a terminal)")
      .argument("[values...]", "data row ids (or global keys with --global-keys)")
      .option("--global-keys", "the values are global keys, not ids")
      .option("--from-file <file>", "read the values from FILE, one per line (- = stdin); JSON lines such as export output work too")
      .option("-y, --yes", "do not ask for confirmation (required when not on a terminal)")
      .action(
        action<DeleteOptions>(runtime, async (ctx, options, [values]) => {
          const kind = options.globalKeys ? "globalKey" : "id";
          const given = [...((values as string[] | undefined) ?? []), ...(options.fromFile ? await readValues(options.fromFile, kind, ctx.io.stdin) : [])];
          if (given.length === 0) throw usageError("Nothing to delete: give ids (or --global-keys keys) as arguments or with --from-file");
          const client = await ctx.client();
          let ids = [...new Set(given)];
          // --global-keys: the keys that led to each data row. The server compares keys
          // case-insensitively, so "cat-1" and "CAT-1" can be one row: it is deleted (and counted,
          // and asked about) once, and this map still tells which keys led to it.
          const keysOfRow = new Map<string, string[]>();
          // What matched no row: global keys the lookup did not find, ids the server had no row for.
          const keysNotFound: string[] = [];
          const idsNotFound: string[] = [];
          if (kind === "globalKey") {
            const keys = ids;
            const lookup = await getDataRowIdsForGlobalKeys(client, keys, { signal: ctx.signal });
            keysNotFound.push(...lookup.errors.map((e) => e.globalKey));
            lookup.results.forEach((id, i) => {
              if (id === "") return;
              const same = keysOfRow.get(id);
              if (same) same.push(keys[i]!);
              else keysOfRow.set(id, [keys[i]!]);
            });
            ids = [...keysOfRow.keys()];
          }
          /** For messages about a row: the keys it was given by, if any. */
          const byKeys = (id: string) => {
            const keys = keysOfRow.get(id)?.map((k) => JSON.stringify(k));
            return keys ? ` (global key ${keys.join(", ")})` : "";
          };
          for (const [id, keys] of keysOfRow) {
            if (keys.length > 1) ctx.printer.status(`Global keys ${keys.map((k) => JSON.stringify(k)).join(", ")} are one data row, ${id} (keys are case-insensitive).`);
          }
          const deleted: string[] = [];
          const failed: { dataRowId: string; code: string; message: string }[] = [];
          if (ids.length > 0) {
            await confirm(ctx, `Delete ${plural(ids.length, "data row")}?`, options.yes === true);
            const progress = createProgress(ctx, { label: "deleting", unit: "rows", total: ids.length });
            try {
              const result = await bulkDeleteDataRows(client, ids, { signal: ctx.signal, onProgress: (done) => progress.update({ done }) });
              for (const o of result.outcomes) {
                if (o.status === "deleted") deleted.push(o.dataRowId);
                else if (o.status === "not_found") idsNotFound.push(o.dataRowId);
                else failed.push({ dataRowId: o.dataRowId, code: o.code, message: o.message });
              }
            } finally {
              progress.stop();
            }
          }
          for (const key of keysNotFound) ctx.printer.warn(`no data row has the global key ${JSON.stringify(key)}`);
          for (const id of idsNotFound) ctx.printer.warn(`no data row with id ${JSON.stringify(id)}${byKeys(id)}`);
          for (const f of failed) ctx.printer.warn(`${f.dataRowId}${byKeys(f.dataRowId)}: ${f.code}: ${f.message}`);
          const notFound = [...keysNotFound, ...idsNotFound];
          const value = { deleted: deleted.length, dataRowIds: deleted, notFound, failed, ...(kind === "globalKey" ? { globalKeys: Object.fromEntries([...keysOfRow].flatMap(([id, keys]) => keys.map((key) => [key, id]))) } : {}) };
          ctx.printer.result(value, () =>
            [`Deleted ${plural(deleted.length, "data row")}.`, notFound.length ? `${plural(notFound.length, "value")} matched no row.` : "", failed.length ? `${count(failed.length)} could not be deleted.` : ""]
              .filter(Boolean)
              .join(" "),
          );
          if (notFound.length === 0 && failed.length === 0) return ExitCode.ok;
          if (deleted.length > 0) return ExitCode.partial;
          return failed.length > 0 ? ExitCode.failure : ExitCode.notFound;
        }),
      ),
    "lbx data-rows delete ckxyz0123456789abcdefghij ckxyz0123456789abcdefghik",
    "lbx data-rows delete --global-keys quickstart-00001 quickstart-00002 --yes",
    "lbx data-rows delete --from-file ids.txt --yes",
    "lbx export --dataset Old | lbx data-rows delete --from-file - --yes",
  );
}

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
          // What matched no row: global keys, or ids the server had no row for.
          const notFound: string[] = [];
          if (kind === "globalKey") {
            const lookup = await getDataRowIdsForGlobalKeys(client, ids, { signal: ctx.signal });
            notFound.push(...lookup.errors.map((e) => e.globalKey));
            ids = lookup.results.filter((id) => id !== "");
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
                else if (o.status === "not_found") notFound.push(o.dataRowId);
                else failed.push({ dataRowId: o.dataRowId, code: o.code, message: o.message });
              }
            } finally {
              progress.stop();
            }
          }
          for (const value of notFound) ctx.printer.warn(`no data row ${kind === "globalKey" && !ids.includes(value) ? "has the global key" : "with id"} ${JSON.stringify(value)}`);
          for (const f of failed) ctx.printer.warn(`${f.dataRowId}: ${f.code}: ${f.message}`);
          ctx.printer.result({ deleted: deleted.length, dataRowIds: deleted, notFound, failed }, () =>
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

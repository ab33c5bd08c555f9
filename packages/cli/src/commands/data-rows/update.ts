// lbx data-rows update <id> [--global-key] [--external-id] [--row-data] [--metadata NAME=VALUE ...]
import { getDataRow, getMetadataOntology, updateDataRow, upsertDataRowMetadata, type UpdateDataRowInput } from "@lbx/core";
import type { Command } from "commander";
import { action, examples, type Runtime } from "../../command-kit.js";
import { ExitCode } from "../../exit-codes.js";
import { CliError, usageError } from "../../errors.js";
import { parseMetadataArg, toMetadataFields } from "../../input/metadata-arg.js";
import { renderDataRow } from "../../output/data-row.js";

interface UpdateOptions {
  globalKey?: string;
  externalId?: string;
  rowData?: string;
  metadata?: string[];
}

export function registerUpdate(group: Command, runtime: Runtime): void {
  examples(
    group
      .command("update")
      .description("change a data row's global key, external id, row data or metadata")
      .argument("<id>", "data row id")
      .option("--global-key <key>", "new global key")
      .option("--external-id <id>", "new external id")
      .option("--row-data <url>", "new row data (a URL or text)")
      .option("--metadata <name=value>", "set a metadata field (repeatable); enum fields take an option name", (v: string, all: string[] = []) => [...all, v])
      .action(
        action<UpdateOptions>(runtime, async (ctx, options, [id]) => {
          const metadata = (options.metadata ?? []).map(parseMetadataArg);
          const fields: UpdateDataRowInput = {
            ...(options.globalKey !== undefined ? { globalKey: options.globalKey } : {}),
            ...(options.externalId !== undefined ? { externalId: options.externalId } : {}),
            ...(options.rowData !== undefined ? { rowData: options.rowData } : {}),
          };
          if (Object.keys(fields).length === 0 && metadata.length === 0) throw usageError("Nothing to change: give --global-key, --external-id, --row-data or --metadata");
          const client = await ctx.client();
          const call = { signal: ctx.signal };
          const dataRowId = id as string;
          let row = Object.keys(fields).length > 0 ? await updateDataRow(client, dataRowId, fields, call) : await getDataRow(client, dataRowId, call);
          if (metadata.length > 0) {
            const ontology = await getMetadataOntology(client, call);
            const failures = await upsertDataRowMetadata(client, [{ dataRowId, fields: toMetadataFields(metadata, ontology) }], call);
            if (failures.length > 0) throw new CliError(`The server rejected the metadata: ${failures.map((f) => f.error).join("; ")}`, ExitCode.failure, "METADATA_REJECTED");
            row = await getDataRow(client, dataRowId, call);
          }
          ctx.printer.result(row, () => renderDataRow(row, undefined, ctx.printer.out));
        }),
      ),
    "lbx data-rows update ckxyz0123456789abcdefghij --external-id cat-1.jpg",
    "lbx data-rows update ckxyz0123456789abcdefghij --metadata split=valid --metadata tag=reviewed",
  );
}

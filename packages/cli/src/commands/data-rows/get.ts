// lbx data-rows get <id> | --global-key KEY | --external-id ID --dataset DS
import { dataRowForExternalId, getAttachments, getDataRow, getDataRowByGlobalKey } from "@lbx/core";
import type { Command } from "commander";
import { action, examples, type Runtime } from "../../command-kit.js";
import { usageError } from "../../errors.js";
import { renderDataRow } from "../../output/data-row.js";
import { resolveDataset } from "../../resolve/dataset.js";

interface GetOptions {
  globalKey?: string;
  externalId?: string;
  dataset?: string;
}

export function registerGet(group: Command, runtime: Runtime): void {
  examples(
    group
      .command("get")
      .description("show one data row, with its metadata and attachments, by id, global key or external id")
      .argument("[id]", "data row id")
      .option("--global-key <key>", "find the row by global key")
      .option("--external-id <id>", "find the row by external id (needs --dataset)")
      .option("--dataset <dataset>", "dataset id or name, for --external-id")
      .action(
        action<GetOptions>(runtime, async (ctx, options, [id]) => {
          const given = [id, options.globalKey, options.externalId].filter((v) => v !== undefined).length;
          if (given !== 1) throw usageError("Give exactly one of: a data row id, --global-key KEY, --external-id ID");
          if (options.externalId !== undefined && options.dataset === undefined) throw usageError("--external-id needs --dataset (external ids are unique only within a dataset)");
          const client = await ctx.client();
          const call = { signal: ctx.signal };
          const row =
            options.globalKey !== undefined
              ? await getDataRowByGlobalKey(client, options.globalKey, call)
              : options.externalId !== undefined
                ? await dataRowForExternalId(client, (await resolveDataset(client, options.dataset!, ctx.signal)).id, options.externalId, call)
                : await getDataRow(client, id as string, call);
          const attachments = await getAttachments(client, row.id, call).toArray();
          ctx.printer.result({ ...row, attachments }, () => renderDataRow(row, attachments, ctx.printer.out));
        }),
      ),
    "lbx data-rows get ckxyz0123456789abcdefghij",
    "lbx data-rows get --global-key quickstart-00042",
    "lbx data-rows get --external-id img-00042.jpg --dataset Quickstart --json",
  );
}

// lbx datasets create | list | get | delete
import { createDataset, type DatasetRecord, deleteDataset, getDatasets } from "@lbx/core";
import type { Command } from "commander";
import { action, examples, type Runtime } from "../command-kit.js";
import { confirm } from "../input/confirm.js";
import { count } from "../output/format.js";
import type { Column } from "../output/table.js";
import { resolveDataset } from "../resolve/dataset.js";

const COLUMNS: readonly Column<DatasetRecord>[] = [
  { header: "ID", value: (d) => d.id },
  { header: "NAME", value: (d) => d.name },
  { header: "ROWS", value: (d) => (d.rowCount == null ? "" : count(d.rowCount)) },
  { header: "CREATED", value: (d) => d.createdAt },
];

export function registerDatasets(program: Command, runtime: Runtime): void {
  const datasets = program.command("datasets").description("create, list, show and delete datasets");
  examples(datasets, "lbx datasets list", "lbx datasets create Cats --description 'cat pictures'");

  examples(
    datasets
      .command("create")
      .description("create a dataset and print it")
      .argument("<name>", "dataset name")
      .option("--description <text>", "dataset description")
      .action(
        action<{ description?: string }>(runtime, async (ctx, options, [name]) => {
          const client = await ctx.client();
          // No IAM integration by default: the CLI cannot know which bucket the rows live in, and
          // a default integration that fails validation would make every create fail.
          const dataset = await createDataset(
            client,
            { name: name as string, iamIntegration: null, ...(options.description !== undefined ? { description: options.description } : {}) },
            { signal: ctx.signal },
          );
          ctx.printer.result(dataset, () => ctx.printer.table([dataset], COLUMNS));
        }),
      ),
    "lbx datasets create Cats",
    "lbx datasets create Cats --description 'cat pictures' --json | jq -r .id",
  );

  examples(
    datasets
      .command("list")
      .description("list the organization's datasets")
      .option("--name <name>", "only datasets with exactly this name")
      .action(
        action<{ name?: string }>(runtime, async (ctx, options) => {
          const client = await ctx.client();
          const list = await getDatasets(client, { signal: ctx.signal, ...(options.name !== undefined ? { name: options.name } : {}) }).toArray();
          ctx.printer.result(list, () => (list.length === 0 ? "No datasets." : ctx.printer.table(list, COLUMNS)));
        }),
      ),
    "lbx datasets list",
    "lbx datasets list --name Cats --json",
  );

  examples(
    datasets
      .command("get")
      .description("show one dataset")
      .argument("<dataset>", "dataset id or name")
      .action(
        action(runtime, async (ctx, _options, [ref]) => {
          const dataset = await resolveDataset(await ctx.client(), ref as string, ctx.signal);
          ctx.printer.result(dataset, () => ctx.printer.table([dataset], COLUMNS));
        }),
      ),
    "lbx datasets get Cats",
    "lbx datasets get ckxyz0123456789abcdefghij --json",
  );

  examples(
    datasets
      .command("delete")
      .description("delete a dataset and its data rows (asks first on a terminal)")
      .argument("<dataset>", "dataset id or name")
      .option("-y, --yes", "do not ask for confirmation (required when not on a terminal)")
      .action(
        action<{ yes?: boolean }>(runtime, async (ctx, options, [ref]) => {
          const client = await ctx.client();
          const dataset = await resolveDataset(client, ref as string, ctx.signal);
          const rows = dataset.rowCount == null ? "" : ` and its ${count(dataset.rowCount)} data rows`;
          await confirm(ctx, `Delete dataset ${dataset.name} (${dataset.id})${rows}?`, options.yes === true);
          await deleteDataset(client, dataset.id, { signal: ctx.signal });
          ctx.printer.result({ deleted: dataset.id, name: dataset.name }, () => `Deleted dataset ${dataset.name} (${dataset.id}).`);
        }),
      ),
    "lbx datasets delete Cats",
    "lbx datasets delete ckxyz0123456789abcdefghij --yes",
  );
}

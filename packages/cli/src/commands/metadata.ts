// lbx metadata schemas [list] | create NAME --kind KIND [--option NAME ...] | delete NAME
import { createMetadataSchema, deleteMetadataSchema, getMetadataOntology, type MetadataFieldKind, type MetadataSchema } from "@lbx/core";
import { type Command, Option } from "commander";
import { action, examples, type Runtime } from "../command-kit.js";
import { ExitCode } from "../exit-codes.js";
import { CliError, usageError } from "../errors.js";
import { confirm } from "../input/confirm.js";

const KINDS: Readonly<Record<string, MetadataFieldKind>> = {
  string: "CustomMetadataString",
  number: "CustomMetadataNumber",
  datetime: "CustomMetadataDateTime",
  enum: "CustomMetadataEnum",
  embedding: "CustomMetadataEmbedding",
};

const shortKind = (kind: string) => kind.replace(/^CustomMetadata/, "").toLowerCase();

/** A schema as printed with --json: options by name, no lookup tables. */
function plain(schema: MetadataSchema) {
  return { id: schema.id, name: schema.name, kind: schema.kind, reserved: schema.reserved, options: schema.options.map((o) => ({ id: o.id, name: o.name })) };
}

export function registerMetadata(program: Command, runtime: Runtime): void {
  const metadata = program.command("metadata").description("the organization's metadata schemas");
  examples(metadata, "lbx metadata schemas", "lbx metadata schemas create weather --kind enum --option sunny --option rainy");
  const schemas = metadata.command("schemas").description("list, create and delete metadata fields");
  examples(schemas, "lbx metadata schemas list", "lbx metadata schemas create camera --kind string", "lbx metadata schemas delete camera --yes");

  examples(
    schemas
      .command("list", { isDefault: true })
      .description("list metadata fields, reserved and custom (the default)")
      .action(
        action(runtime, async (ctx) => {
          const ontology = await getMetadataOntology(await ctx.client(), { signal: ctx.signal });
          const list = ontology.fields.map(plain);
          ctx.printer.result(list, () =>
            ctx.printer.table(list, [
              { header: "NAME", value: (s) => s.name },
              { header: "KIND", value: (s) => shortKind(s.kind) },
              { header: "RESERVED", value: (s) => (s.reserved ? "yes" : "") },
              { header: "OPTIONS", value: (s) => s.options.map((o) => o.name).join(", ") },
              { header: "ID", value: (s) => s.id },
            ]),
          );
        }),
      ),
    "lbx metadata schemas list",
    "lbx metadata schemas --json",
  );

  examples(
    schemas
      .command("create")
      .description("create a custom metadata field")
      .argument("<name>", "field name")
      .addOption(new Option("--kind <kind>", "field kind").choices(Object.keys(KINDS)).makeOptionMandatory())
      .option("--option <name>", "an option of an enum field (repeatable)", (v: string, all: string[] = []) => [...all, v])
      .action(
        action<{ kind: string; option?: string[] }>(runtime, async (ctx, options, [name]) => {
          const kind = KINDS[options.kind]!;
          if (kind === "CustomMetadataEnum" && !options.option?.length) throw usageError("An enum field needs at least one --option NAME");
          if (kind !== "CustomMetadataEnum" && options.option?.length) throw usageError("Only an enum field (--kind enum) has options");
          const schema = await createMetadataSchema(
            await ctx.client(),
            { name: name as string, kind, ...(options.option ? { options: options.option } : {}) },
            { signal: ctx.signal },
          );
          ctx.printer.result(plain(schema), () => `Created metadata field ${schema.name} (${shortKind(schema.kind)}, ${schema.id}).`);
        }),
      ),
    "lbx metadata schemas create camera --kind string",
    "lbx metadata schemas create weather --kind enum --option sunny --option rainy",
  );

  examples(
    schemas
      .command("delete")
      .description("delete a custom metadata field (asks first on a terminal)")
      .argument("<field>", "field name or schema id")
      .option("-y, --yes", "do not ask for confirmation (required when not on a terminal)")
      .action(
        action<{ yes?: boolean }>(runtime, async (ctx, options, [field]) => {
          const client = await ctx.client();
          await confirm(ctx, `Delete metadata field ${field as string} and its values on every data row?`, options.yes === true);
          const deleted = await deleteMetadataSchema(client, field as string, { signal: ctx.signal });
          if (!deleted) throw new CliError(`The server did not delete ${field as string}`, ExitCode.failure, "NOT_DELETED");
          ctx.printer.result({ deleted: field }, () => `Deleted metadata field ${field as string}.`);
        }),
      ),
    "lbx metadata schemas delete camera --yes",
  );
}

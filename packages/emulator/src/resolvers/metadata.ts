// The metadata ontology (reserved + custom schemas) and per-row metadata upsert / delete / export.
// Row operations report FAILURES only: an empty list means everything succeeded (spec §4.2).
import type { DataRowCustomMetadataBatchResult, Resolvers } from "../generated/resolvers-types.js";
import type { EmulatorContext } from "../context.js";
import type { DataRowRecord, MetadataKind, MetadataSchemaRecord } from "../db/records.js";
import { EmulatorError, malformed, notFound } from "../errors.js";
import { newId } from "../ids.js";
import { normalizeGlobalKey } from "../rules/global-keys.js";
import { checkMetadata, customMetadataView, mergeEntries, parseEntries, serializeEntries, topSchemaId } from "../metadata/stored.js";
import { metadataExportRenderer } from "../metadata/export-text.js";
import { now, rowId } from "./common.js";

/** Finds a row of the caller's organization by id or global key. */
function findRow(ctx: EmulatorContext, id: string | null | undefined, globalKey: string | null | undefined): DataRowRecord | undefined {
  const store = ctx.services.store;
  let seq: number | null | undefined = null;
  if (id) seq = store.ids.decode("row", id);
  else if (globalKey) seq = store.rows.seqByGlobalKey(ctx.org.seq, normalizeGlobalKey(globalKey));
  const row = seq ? store.rows.get(seq) : undefined;
  return row && row.orgSeq === ctx.org.seq ? row : undefined;
}

function checkName(name: string, what: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 100) throw malformed(`${what} name must be 1 to 100 characters`);
  return trimmed;
}

export const metadataResolvers: Resolvers<EmulatorContext> = {
  Query: {
    customMetadataOntology: (_p, _a, ctx) => [...ctx.services.ontologies.of(ctx.org.seq).schemas],
    dataRowCustomMetadata: (_p, { where }, ctx) => {
      const ids = where.dataRowIds ?? where.dataRowIdentifiers?.ids ?? [];
      const byKey = where.dataRowIdentifiers?.idType === "GKEY";
      const ontology = ctx.services.ontologies.of(ctx.org.seq);
      const out = [];
      for (const id of ids) {
        const row = byKey ? findRow(ctx, null, id) : findRow(ctx, id, null);
        if (!row) continue;
        out.push({ dataRowId: rowId(ctx, row.seq), globalKey: row.globalKey, error: null, fields: customMetadataView(parseEntries(row.metadata), ontology) });
      }
      return out;
    },
  },
  Mutation: {
    upsertCustomMetadataSchema: (_p, { data }, ctx) => {
      const { store, ontologies, limits } = ctx.services;
      const ontology = ontologies.of(ctx.org.seq);
      const name = checkName(data.name, "Schema");
      const kind = data.kind as MetadataKind;
      if (kind === "CustomMetadataEnumOption") throw malformed("An enum option cannot be a top-level schema");
      const options = data.options ?? [];
      if (kind !== "CustomMetadataEnum" && options.length > 0) throw malformed(`A ${kind} schema cannot have options`);
      if (kind === "CustomMetadataEnum" && options.length > limits.maxEnumOptions) throw malformed(`An enum can have at most ${limits.maxEnumOptions} options`);
      let existing: MetadataSchemaRecord | undefined;
      if (data.id) {
        existing = ontology.get(data.id);
        if (!existing || existing.parentId !== null) throw notFound("Metadata schema", data.id);
        if (existing.reserved) throw new EmulatorError("OPERATION_NOT_ALLOWED", `Reserved schema '${existing.name}' cannot be changed`);
        if (existing.kind !== kind) throw malformed(`The kind of schema '${existing.name}' cannot change from ${existing.kind} to ${kind}`);
      } else if (limits.maxCustomMetadataSchemas > 0 && ontology.schemas.filter((s) => !s.reserved).length >= limits.maxCustomMetadataSchemas) {
        throw malformed(`An organization can have at most ${limits.maxCustomMetadataSchemas} custom metadata schemas`);
      }
      const clash = ontology.schemas.find((s) => s.name === name && s.id !== existing?.id);
      if (clash) throw new EmulatorError("RESOURCE_CONFLICT", `A metadata schema named '${name}' already exists`);
      const optionNames = new Set<string>();
      const checkedOptions = options.map((o, i) => {
        const optionName = checkName(o.name, `options[${i}]`);
        if (optionNames.has(optionName)) throw malformed(`Option name '${optionName}' is used twice`);
        optionNames.add(optionName);
        if (o.id && !existing?.options.some((x) => x.id === o.id)) throw malformed(`options[${i}]: option ${o.id} does not belong to this schema`);
        return { id: o.id ?? newId(), name: optionName };
      });
      const id = existing?.id ?? newId();
      store.transaction(() => store.schemas.save(ctx.org.seq, { id, name, kind }, checkedOptions, now(ctx)));
      ontologies.invalidate(ctx.org.seq);
      return ontologies.of(ctx.org.seq).get(id)!;
    },
    deleteCustomMetadataSchema: (_p, { schema }, ctx) => {
      const { store, ontologies } = ctx.services;
      const found = ontologies.of(ctx.org.seq).get(schema.id);
      if (!found) throw notFound("Metadata schema", schema.id);
      if (found.reserved) throw new EmulatorError("OPERATION_NOT_ALLOWED", `Reserved schema '${found.name}' cannot be deleted`);
      store.schemas.delete(schema.id);
      ontologies.invalidate(ctx.org.seq);
      return { success: true };
    },
    upsertDataRowCustomMetadata: (_p, { data }, ctx) => {
      const { store, ontologies, limits } = ctx.services;
      const ontology = ontologies.of(ctx.org.seq);
      const failures: DataRowCustomMetadataBatchResult[] = [];
      store.transaction(() => {
        for (const item of data) {
          const row = findRow(ctx, item.dataRowId, item.globalKey);
          const fail = (error: string): void => {
            failures.push({ dataRowId: item.dataRowId ?? null, globalKey: item.globalKey ?? null, error, fields: item.fields.map((f) => ({ schemaId: f.schemaId, value: f.value })) });
          };
          if (!row) {
            fail(`Data row not found: ${item.dataRowId ?? item.globalKey ?? "(no id given)"}`);
            continue;
          }
          const check = checkMetadata(item.fields, ontology, limits);
          if (!check.ok) {
            fail(check.reason);
            continue;
          }
          const merged = mergeEntries(parseEntries(row.metadata), check.entries, ontology);
          if (limits.maxMetadataFieldsPerRow > 0 && merged.length > limits.maxMetadataFieldsPerRow) {
            fail(`A data row can have at most ${limits.maxMetadataFieldsPerRow} metadata fields`);
            continue;
          }
          store.rows.update(row.seq, { metadata: serializeEntries(merged), metadataExport: metadataExportRenderer(ontology).render(merged) }, now(ctx));
        }
      });
      return failures;
    },
    deleteDataRowCustomMetadata: (_p, { data, dataRowIdentifiers }, ctx) => {
      const { store, ontologies } = ctx.services;
      const ontology = ontologies.of(ctx.org.seq);
      const items = [
        ...(data ?? []).map((d) => ({ id: d.dataRowId ?? null, globalKey: d.globalKey ?? null, schemaIds: d.schemaIds })),
        ...(dataRowIdentifiers ?? []).map((d) => ({
          id: d.dataRowIdentifier.idType === "ID" ? d.dataRowIdentifier.id : null,
          globalKey: d.dataRowIdentifier.idType === "GKEY" ? d.dataRowIdentifier.id : null,
          schemaIds: d.schemaIds,
        })),
      ];
      const failures: DataRowCustomMetadataBatchResult[] = [];
      store.transaction(() => {
        for (const item of items) {
          const row = findRow(ctx, item.id, item.globalKey);
          if (!row) {
            failures.push({ dataRowId: item.id, globalKey: item.globalKey, error: `Data row not found: ${item.id ?? item.globalKey ?? "(no id given)"}`, fields: [] });
            continue;
          }
          const remove = new Set(item.schemaIds);
          const kept = parseEntries(row.metadata).filter((e) => !remove.has(e.schemaId) && !remove.has(topSchemaId(e, ontology)));
          store.rows.update(row.seq, { metadata: serializeEntries(kept), metadataExport: metadataExportRenderer(ontology).render(kept) }, now(ctx));
        }
      });
      return failures;
    },
  },
};

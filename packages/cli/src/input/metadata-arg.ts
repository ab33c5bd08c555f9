// `--metadata name=value` on the command line. Every value arrives as text; the field's kind in
// the organization's ontology says what it means (a number, a list of numbers, a date, an option).
import { findMetadataSchema, type MetadataFieldInput, type MetadataOntology } from "@lbx/core";
import { usageError } from "../errors.js";

/** Splits `name=value` (the value may contain `=`). */
export function parseMetadataArg(text: string): { name: string; value: string } {
  const at = text.indexOf("=");
  if (at <= 0) throw usageError(`--metadata needs NAME=VALUE, got ${JSON.stringify(text)}`);
  return { name: text.slice(0, at), value: text.slice(at + 1) };
}

/** Converts textual values to what each field's kind expects; unknown names are left to core's validation. */
export function toMetadataFields(args: readonly { name: string; value: string }[], ontology: MetadataOntology): MetadataFieldInput[] {
  return args.map(({ name, value }, i) => {
    const kind = findMetadataSchema(ontology, name)?.kind;
    if (kind === "CustomMetadataNumber") {
      const n = Number(value);
      if (value.trim() === "" || !Number.isFinite(n)) throw usageError(`--metadata #${i + 1} (${name}): ${JSON.stringify(value)} is not a number`);
      return { name, value: n };
    }
    if (kind === "CustomMetadataEmbedding") {
      let parsed: unknown;
      try {
        parsed = JSON.parse(value);
      } catch {
        throw usageError(`--metadata #${i + 1} (${name}): an embedding is a JSON array of numbers, e.g. [0.1,0.2,...]`);
      }
      return { name, value: parsed as number[] };
    }
    return { name, value };
  });
}

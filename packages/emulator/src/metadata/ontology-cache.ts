// Per-organization ontologies, built on first use and dropped when a custom schema changes.
import type { Store } from "../db/store.js";
import { Ontology } from "./ontology.js";
import { legacyEmbeddingSchema, reservedSchemas } from "./reserved.js";

export class OntologyCache {
  private readonly cache = new Map<number, Ontology>();

  constructor(
    private readonly store: Store,
    private readonly includeLegacyEmbedding: boolean,
  ) {}

  /** The ontology of an organization. */
  of(orgSeq: number): Ontology {
    let ontology = this.cache.get(orgSeq);
    if (!ontology) {
      const reserved = this.includeLegacyEmbedding ? [...reservedSchemas, legacyEmbeddingSchema] : reservedSchemas;
      ontology = new Ontology([...reserved, ...this.store.schemas.custom(orgSeq)]);
      this.cache.set(orgSeq, ontology);
    }
    return ontology;
  }

  /** Forgets an organization's ontology after its schemas changed. */
  invalidate(orgSeq: number): void {
    this.cache.delete(orgSeq);
  }
}

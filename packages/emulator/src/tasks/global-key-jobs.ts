// The work of the global-key jobs (spec §9.2). Each runs in one transaction when the runner gets
// to it; the client polls `...Result(jobId)` and sees PENDING until then.
import type { Services } from "../context.js";
import type { JobRecord } from "../db/jobs.js";
import { isUniqueViolation } from "../db/data-rows.js";
import { checkGlobalKey, normalizeGlobalKey } from "../rules/global-keys.js";
import { isoTimestamp } from "../time.js";

interface Assignment {
  dataRowId: string;
  globalKey: string;
}

/** Does a job's work and returns its result data. */
export function runJob(services: Services, job: JobRecord): unknown {
  const input = JSON.parse(job.input) as { keys?: string[]; assignments?: Assignment[] };
  switch (job.kind) {
    case "lookup":
      return lookup(services, job.orgSeq, input.keys ?? []);
    case "assign":
      return assign(services, job.orgSeq, input.assignments ?? []);
    case "clear":
      return clear(services, job.orgSeq, input.keys ?? []);
  }
}

/** One entry per key, in input order, with id "" for keys that did not resolve. */
function lookup(services: Services, orgSeq: number, keys: string[]): unknown {
  const { store } = services;
  const fetched: Array<{ id: string }> = [];
  const notFound: string[] = [];
  for (const key of keys) {
    const seq = store.rows.seqByGlobalKey(orgSeq, normalizeGlobalKey(key));
    if (seq === undefined) {
      fetched.push({ id: "" });
      notFound.push(key);
    } else fetched.push({ id: store.ids.encode("row", seq) });
  }
  return { fetchedDataRows: fetched, notFoundGlobalKeys: notFound, accessDeniedGlobalKeys: [], deletedDataRowGlobalKeys: [] };
}

function assign(services: Services, orgSeq: number, assignments: Assignment[]): unknown {
  const { store, limits } = services;
  const sanitized: Assignment[] = [];
  const unmodified: Assignment[] = [];
  const invalid: Assignment[] = [];
  const claimed = new Map<string, number>(); // normalized key -> row seq, within this job
  const now = isoTimestamp(services.clock());
  store.transaction(() => {
    for (const a of assignments) {
      const check = checkGlobalKey(a.globalKey, limits.maxGlobalKeyLength);
      const seq = store.ids.decode("row", a.dataRowId);
      const row = seq === null ? undefined : store.rows.get(seq);
      if (!check.ok || !row || row.orgSeq !== orgSeq) {
        invalid.push(a);
        continue;
      }
      const owner = claimed.get(check.normalized) ?? store.rows.seqByGlobalKey(orgSeq, check.normalized);
      if (owner !== undefined && owner !== row.seq) {
        invalid.push(a);
        continue;
      }
      try {
        store.rows.update(row.seq, { globalKey: { key: check.key, norm: check.normalized } }, now);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        invalid.push(a);
        continue;
      }
      claimed.set(check.normalized, row.seq);
      (check.sanitized ? sanitized : unmodified).push({ dataRowId: a.dataRowId, globalKey: check.key });
    }
  });
  return { sanitizedAssignments: sanitized, invalidGlobalKeyAssignments: invalid, unmodifiedAssignments: unmodified, accessDeniedAssignments: [] };
}

function clear(services: Services, orgSeq: number, keys: string[]): unknown {
  const { store } = services;
  const cleared: string[] = [];
  const notFound: string[] = [];
  const now = isoTimestamp(services.clock());
  store.transaction(() => {
    for (const key of keys) {
      const seq = store.rows.seqByGlobalKey(orgSeq, normalizeGlobalKey(key));
      if (seq === undefined) notFound.push(key);
      else {
        store.rows.update(seq, { globalKey: { key: null, norm: null } }, now);
        cleared.push(key);
      }
    }
  });
  return { clearedGlobalKeys: cleared, failedToClearGlobalKeys: [], notFoundGlobalKeys: notFound, accessDeniedGlobalKeys: [] };
}

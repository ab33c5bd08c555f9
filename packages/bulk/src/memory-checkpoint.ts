import type { CheckpointStore } from "./types.js";

/**
 * A checkpoint kept in memory, or handed to your own storage through `onSave`: resume after an
 * abort or a lost connection within one process, or persist the state wherever you like (a
 * database row, `localStorage`). In Node, `fileCheckpoint` from `@lbx/bulk/node` keeps it in a file.
 *
 * @example
 * const checkpoint = memoryCheckpoint(JSON.parse(localStorage.getItem("import") ?? "null") ?? undefined, {
 *   onSave: (state) => localStorage.setItem("import", JSON.stringify(state)),
 *   onClear: () => localStorage.removeItem("import"),
 * });
 */
export function memoryCheckpoint(
  initial?: unknown,
  hooks: { readonly onSave?: (state: unknown) => void | Promise<void>; readonly onClear?: () => void | Promise<void> } = {},
): CheckpointStore & { readonly state: unknown } {
  let state: unknown = initial;
  return {
    get state() {
      return state;
    },
    load: async () => state,
    save: async (next) => {
      state = next;
      await hooks.onSave?.(next);
    },
    clear: async () => {
      state = undefined;
      await hooks.onClear?.();
    },
  };
}

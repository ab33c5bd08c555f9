// A loaded checkpoint comes from outside (a file, a caller's store): every malformed field must be
// refused with a CheckpointMismatchError that names it, never resumed from or left to fail later.
import { describe, expect, it } from "vitest";
import { Bitset } from "../../src/bitset.js";
import { CheckpointMismatchError } from "../../src/errors.js";
import { freshState, resumeState } from "../../src/import/checkpoint.js";

const span = (start: number, end: number, extra: Record<string, unknown> = {}) => ({
  start,
  end,
  hash: "0123456789abcdef",
  state: "submitting",
  submittedAt: "2024-01-01T00:00:00.000Z",
  ...extra,
});
const good = () => ({
  ...freshState("fp", "0".repeat(16)),
  doneBefore: 10,
  counts: { created: 6, updated: 1, skipped: 2, failed: 1 },
  taskIds: ["task-1"],
  unmatchedResults: 0,
  spans: [span(10, 20, { state: "submitted", taskId: "task-2" })],
});

/** Expects `state` to be refused with a CheckpointMismatchError whose message matches `field`. */
function refused(state: unknown, field: RegExp): void {
  let error: unknown;
  try {
    resumeState(state, "fp");
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(CheckpointMismatchError);
  expect((error as Error).message).toMatch(/^The checkpoint is not a usable lbx import checkpoint \(/);
  expect((error as Error).message).toMatch(field);
}

describe("resumeState refuses malformed fields, naming them", () => {
  it("accepts a well-formed checkpoint, bitsets included, and a missing unmatchedResults", () => {
    const skipped = new Bitset(10);
    skipped.set(3);
    const { unmatchedResults: _, ...older } = { ...good(), spans: [span(10, 20, { state: "submitted", taskId: "task-2", skipped: skipped.toBase64(), existing: new Bitset(10).toBase64() })] };
    const state = resumeState(older, "fp");
    expect(state).toMatchObject({ doneBefore: 10, counts: { created: 6, updated: 1, skipped: 2, failed: 1 }, taskIds: ["task-1"], unmatchedResults: 0 });
    expect(state.spans).toEqual([{ ...span(10, 20), state: "submitted", taskId: "task-2", skipped: skipped.toBase64(), existing: new Bitset(10).toBase64() }]);
  });

  it("counts: empty, missing, not an object, or a count that is not a non-negative integer", () => {
    refused({ ...good(), counts: {} }, /counts\.created is not a non-negative integer/);
    refused({ ...good(), counts: { created: "5", updated: 0, skipped: 0, failed: 0 } }, /counts\.created is not a non-negative integer/);
    refused({ ...good(), counts: { created: 5, updated: 0, skipped: 0 } }, /counts\.failed is not a non-negative integer/);
    refused({ ...good(), counts: { created: 5, updated: -1, skipped: 0, failed: 0 } }, /counts\.updated/);
    refused({ ...good(), counts: { created: 5, updated: 0, skipped: 1.5, failed: 0 } }, /counts\.skipped/);
    refused({ ...good(), counts: undefined }, /counts is not an object/);
    refused({ ...good(), counts: [1, 2, 3, 4] }, /counts is not an object/);
  });

  it("spans: not a list, or an entry that is not a span record", () => {
    refused({ ...good(), spans: [null] }, /spans\[0\] is not an object/);
    refused({ ...good(), spans: [span(10, 20), "x"] }, /spans\[1\] is not an object/);
    refused({ ...good(), spans: {} }, /spans is not a list/);
    refused({ ...good(), spans: [span(10, 20, { start: "10" })] }, /spans\[0\]\.start is not a non-negative integer/);
    refused({ ...good(), spans: [span(10, 20, { end: undefined })] }, /spans\[0\]\.end is not a non-negative integer/);
    refused({ ...good(), spans: [span(20, 20)] }, /spans\[0\] \(span at row 20\): end 20 is not after start/);
    refused({ ...good(), spans: [span(10, 20, { state: "done" })] }, /spans\[0\] \(span at row 10\): state is not/);
    refused({ ...good(), spans: [span(10, 20, { hash: 7 })] }, /spans\[0\]\.hash is not a string/);
    refused({ ...good(), spans: [span(10, 20, { submittedAt: null })] }, /spans\[0\]\.submittedAt is not a string/);
    refused({ ...good(), spans: [span(10, 20, { state: "submitted" })] }, /spans\[0\] \(span at row 10\) is submitted but has no task id/);
    refused({ ...good(), spans: [span(10, 20, { state: "submitted", taskId: 42 })] }, /spans\[0\]\.taskId is not a string/);
    refused({ ...good(), spans: [span(10, 20, { skipped: "not base64!" })] }, /spans\[0\]\.skipped is not a base64 bitset of 10 rows/);
    refused({ ...good(), spans: [span(10, 20, { existing: new Bitset(100).toBase64() })] }, /spans\[0\]\.existing is not a base64 bitset of 10 rows/);
    refused({ ...good(), spans: [span(10, 20), span(15, 30)] }, /span at row 15 overlaps/);
    refused({ ...good(), spans: [span(5, 20)] }, /span at row 5 overlaps/);
  });

  it("doneBefore, doneHash, taskIds and unmatchedResults", () => {
    refused({ ...good(), doneBefore: "10" }, /doneBefore is not a non-negative integer/);
    refused({ ...good(), doneBefore: -1 }, /doneBefore is not a non-negative integer/);
    refused({ ...good(), doneHash: undefined }, /doneHash is not a string/);
    refused({ ...good(), taskIds: "x" }, /taskIds is not a list/);
    refused({ ...good(), taskIds: ["task-1", null] }, /taskIds\[1\] is not a string/);
    refused({ ...good(), unmatchedResults: "0" }, /unmatchedResults is not a non-negative integer/);
  });

  it("a value that is no checkpoint at all", () => {
    for (const value of [[], "hello", 5, null, { format: "other" }]) refused(value, /format is not lbx-bulk-import\/1/);
  });
});

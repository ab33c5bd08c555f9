import { LabelboxError } from "@lbx/core";

/**
 * A checkpoint cannot be used for this import: it was written for another dataset, other options,
 * or different input rows (the rows already imported do not read the same), or it is not an lbx
 * import checkpoint at all. Nothing was sent. Start with a fresh checkpoint, or pass the same
 * input and options as the interrupted run.
 */
export class CheckpointMismatchError extends LabelboxError {
  static override readonly errorName: string = "CheckpointMismatchError";
  declare readonly code: "CHECKPOINT_MISMATCH";
  constructor(message: string) {
    super("CHECKPOINT_MISMATCH", message);
  }
}

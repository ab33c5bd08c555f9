// The exit-code table shown at the end of `lbx --help` (kept beside ExitCode, which documents the same).
import { ExitCode } from "./exit-codes.js";

export const EXIT_CODES_HELP = `Exit codes:
  ${ExitCode.ok}    everything succeeded
  ${ExitCode.failure}    the command failed (server error, network, timeout, failed task)
  ${ExitCode.usage}    usage error: unknown command or option, invalid argument or input file
  ${ExitCode.auth}    authentication failed: missing, wrong or unauthorized API key
  ${ExitCode.partial}    partial failure: some rows (or keys) failed; see the failures file
  ${ExitCode.notFound}    not found: the dataset, data row, key or task does not exist
  ${ExitCode.interrupted}  interrupted (Ctrl-C, SIGTERM)
  ${ExitCode.brokenPipe}  the reader of the output went away (broken pipe, e.g. lbx ... | head)
`;

/**
 * `lbx` exit codes. Scripts branch on them, so they never change meaning once released.
 *
 * | code | meaning |
 * |---|---|
 * | 0 | everything succeeded |
 * | 1 | the command failed (server error, network, timeout, bad response) |
 * | 2 | usage error: unknown command or option, invalid argument, invalid input file |
 * | 3 | authentication or authorization failed (missing, wrong or unauthorized API key) |
 * | 4 | partial failure: the command ran, but some rows failed (see the failures file) |
 * | 5 | not found: the dataset, data row or task does not exist |
 * | 130 | interrupted (Ctrl-C) |
 * | 141 | the reader of the output went away (`lbx ... | head`): stopped at once, as on SIGPIPE |
 */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  auth: 3,
  partial: 4,
  notFound: 5,
  interrupted: 130,
  brokenPipe: 141,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

#!/usr/bin/env node
// Entry of the `lbx` bin. graphql-js (inside the embedded emulator) runs slow development-mode
// checks unless NODE_ENV is "production" when it is first loaded, so the variable is set before
// anything imports it; hence the dynamic import.
process.env.NODE_ENV ??= "production";

const controller = new AbortController();
let signals = 0;
const stop = (): void => {
  signals += 1;
  // A second Ctrl-C means "now": do not wait for a clean stop.
  if (signals > 1) process.exit(130);
  controller.abort();
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

// A reader that goes away (`lbx ... --help | head`, an export piped into a command that stops
// early) is no error worth a stack trace: stop at once, with the status Unix tools get from
// SIGPIPE (128 + 13), as `git log | head` does. An interrupted import resumes from its checkpoint.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(141);
  });
}

let finished = false;
// If the event loop empties while a command is still awaiting something (a library promise that
// can no longer settle), Node would exit with 0 as if all went well. Never let that pass silently.
process.on("beforeExit", () => {
  if (finished) return;
  finished = true;
  process.stderr.write(controller.signal.aborted ? "error: Interrupted.\n" : "error: lbx stopped before the command finished (an internal error).\n");
  process.exitCode = controller.signal.aborted ? 130 : 1;
});

void import("./main.js").then(async ({ runCli }) => {
  const code = await runCli(process.argv.slice(2), { signal: controller.signal });
  finished = true;
  process.exitCode = code;
});
export {};

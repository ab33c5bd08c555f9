// The `lbx` command tree. Options declared here are global: accepted before or after any command.
import { Command, Option } from "commander";
import { examples, type Runtime } from "./command-kit.js";
import { registerConfig } from "./commands/config.js";
import { registerDataRows } from "./commands/data-rows/index.js";
import { registerDatasets } from "./commands/datasets.js";
import { registerEmulator } from "./commands/emulator.js";
import { registerGlobalKeys } from "./commands/global-keys.js";
import { registerMetadata } from "./commands/metadata.js";
import { registerQuickstart } from "./commands/quickstart.js";
import { registerTasks } from "./commands/tasks.js";
import { EXIT_CODES_HELP } from "./exit-codes-help.js";
import { VERSION } from "./version.js";

export function buildProgram(runtime: Runtime): Command {
  const { io } = runtime;
  const program = new Command("lbx")
    .description("Labelbox datasets and data rows from the terminal, and a local emulator of the Labelbox API.")
    .version(VERSION, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help for a command")
    .helpCommand("help [command]", "show help for a command")
    .option("--endpoint <url>", "GraphQL endpoint (env LBX_ENDPOINT; default https://api.labelbox.com/graphql)")
    .option("--api-key-file <file>", "read the API key from FILE (else LABELBOX_API_KEY, else the config file)")
    .option("--local", "run against an embedded emulator whose data persists in --data (no server to start)")
    .option("--data <dir>", "data folder of --local and `lbx emulator` (env LBX_LOCAL_DATA; default ~/.lbx/local)")
    .option("--json", "print machine-readable JSON on stdout and nothing else there")
    .addOption(new Option("--no-color", "no colours (also when NO_COLOR is set)"))
    .option("-q, --quiet", "no progress or status lines on stderr")
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      getOutHelpWidth: () => io.stdout.columns,
      getErrHelpWidth: () => io.stderr.columns,
      outputError: (text, write) => write(`${text.trimEnd()}\nRun with --help for usage.\n`),
    });
  program.addHelpText("after", `\n${EXIT_CODES_HELP}`);
  examples(
    program,
    "lbx quickstart                                   # import the example into an embedded emulator",
    "export LABELBOX_API_KEY=...                      # or: lbx config set --api-key-stdin",
    "lbx datasets create Cats",
    "lbx import rows.ndjson --dataset Cats --on-duplicate skip",
    "lbx export --dataset Cats --output cats.ndjson",
    "lbx --local import rows.ndjson --dataset Demo --create && lbx --local export --dataset Demo",
  );

  registerQuickstart(program, runtime);
  registerDatasets(program, runtime);
  registerDataRows(program, runtime);
  registerGlobalKeys(program, runtime);
  registerMetadata(program, runtime);
  registerTasks(program, runtime);
  registerEmulator(program, runtime);
  registerConfig(program, runtime);
  return program;
}

// The user's config file: endpoint and API key, so neither has to be in the environment. It holds
// a secret, so it is written with mode 0600 (its folder 0700) and a readable-by-others file is
// reported, like ssh does with keys.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { usageError } from "../errors.js";

/** What the config file may hold. */
export interface ConfigFile {
  readonly endpoint?: string | undefined;
  readonly apiKey?: string | undefined;
}

// Checked by hand rather than with zod: this runs on every command, and loading zod costs more
// start-up time than the whole check is worth.
function checkConfig(raw: unknown): { config: ConfigFile; problems: string[] } {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return { config: {}, problems: ["(top level): must be a JSON object"] };
  const problems: string[] = [];
  const { endpoint, apiKey, ...unknown } = raw as Record<string, unknown>;
  for (const name of Object.keys(unknown)) problems.push(`${name}: unknown setting (known: endpoint, apiKey)`);
  if (endpoint !== undefined && !(typeof endpoint === "string" && /^https?:\/\/[^/\s]+/.test(endpoint))) problems.push("endpoint: must be an http(s) URL");
  if (apiKey !== undefined && !(typeof apiKey === "string" && apiKey.trim() !== "")) problems.push("apiKey: must be a non-empty string");
  return { config: { endpoint: endpoint as string | undefined, apiKey: apiKey as string | undefined }, problems };
}

type Env = Readonly<Record<string, string | undefined>>;

/** `LBX_CONFIG`, else `$XDG_CONFIG_HOME/lbx/config.json`, else `~/.config/lbx/config.json`. */
export function configPath(env: Env): string {
  if (env["LBX_CONFIG"]) return path.resolve(env["LBX_CONFIG"]);
  const base = env["XDG_CONFIG_HOME"] || path.join(env["HOME"] || os.homedir(), ".config");
  return path.join(base, "lbx", "config.json");
}

/** Reads the config file; a missing file is an empty config. `warn` hears about unsafe permissions. */
export function readConfig(file: string, warn: (line: string) => void): ConfigFile {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw usageError(`Cannot read the config file ${file}: ${(error as Error).message}`);
  }
  if (process.platform !== "win32" && (fs.statSync(file).mode & 0o077) !== 0) {
    warn(`${file} can be read by other users; run: chmod 600 ${file}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    // Not the parser's message: newer V8 versions quote the text around the error, which may be the key.
    const at = /position (\d+)/.exec((error as Error).message)?.[1];
    throw usageError(`The config file ${file} is not valid JSON${at ? ` (at character ${at})` : ""}`);
  }
  // Never quote values: one of them may be the key.
  const { config, problems } = checkConfig(raw);
  if (problems.length > 0) throw usageError(`The config file ${file} is invalid:\n  - ${problems.join("\n  - ")}`);
  return Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined)) as ConfigFile;
}

/**
 * Writes the config file with mode 0600 (atomically: a temporary file in the same folder, then a
 * rename, so a crash never leaves a half-written key or a moment with looser permissions).
 */
export function writeConfig(file: string, config: ConfigFile): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  const clean = Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined));
  fs.writeFileSync(temp, `${JSON.stringify(clean, null, 2)}\n`, { mode: 0o600 });
  // writeFileSync's mode is filtered by the umask; make sure.
  fs.chmodSync(temp, 0o600);
  fs.renameSync(temp, file);
}

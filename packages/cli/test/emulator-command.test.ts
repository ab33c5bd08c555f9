import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { json, lbx, sandbox, start } from "./helpers/run.js";
import { watch } from "./helpers/watch.js";

const DEV_KEY = "lbx-emulator-dev-key";

describe("lbx emulator", () => {
  it("serves other lbx commands until SIGINT, then stops cleanly with exit 0", async () => {
    const box = sandbox();
    const child = watch(start(["emulator", "--port", "0", "--memory", "--json"], { env: box.env }));
    const [line] = await child.waitFor(/^.+\n/);
    const ready = JSON.parse(line) as { url: string; apiKey: string; dataDir: null };
    expect(ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    expect(ready).toMatchObject({ apiKey: DEV_KEY, dataDir: null });
    const env = { ...box.env, LABELBOX_API_KEY: ready.apiKey };
    expect((await lbx(["--endpoint", ready.url, "datasets", "create", "Served"], { env })).code).toBe(0);
    const list = json<{ name: string }[]>(await lbx(["--endpoint", ready.url, "datasets", "list", "--json"], { env }));
    expect(list.map((d) => d.name)).toEqual(["Served"]);
    child.child.kill("SIGINT");
    expect((await child.exited).code).toBe(0);
    // --json: one JSON line on stdout and nothing else.
    expect(child.stdout().trimEnd().split("\n")).toHaveLength(1);
  });

  it("keeps its data in --data across restarts, and prints how to connect", async () => {
    const box = sandbox();
    const dataDir = path.join(box.home, "emulator-data");
    const env = { ...box.env, LABELBOX_API_KEY: DEV_KEY };
    for (const round of [1, 2]) {
      const child = watch(start(["emulator", "--port", "0", "--data", dataDir], { env: box.env }));
      const [, url] = await child.waitFor(/endpoint\s+(\S+)\n/);
      await child.waitFor(/Press Ctrl-C to stop\./);
      expect(child.stdout()).toContain(`export LABELBOX_API_KEY=${DEV_KEY}`);
      expect(child.stdout()).toMatch(new RegExp(`^data\\s+${dataDir}$`, "m"));
      if (round === 1) expect((await lbx(["--endpoint", url!, "datasets", "create", "Persisted"], { env })).code).toBe(0);
      else expect(json<{ name: string }[]>(await lbx(["--endpoint", url!, "datasets", "list", "--json"], { env })).map((d) => d.name)).toEqual(["Persisted"]);
      child.child.kill("SIGTERM");
      expect((await child.exited).code).toBe(0);
    }
    expect(fs.existsSync(dataDir)).toBe(true);
  });

  it("never prints a key given in LBX_EMULATOR_API_KEY", async () => {
    const box = sandbox();
    const secret = "my-own-emulator-key-0123456789";
    const child = watch(start(["emulator", "--port", "0", "--memory"], { env: { ...box.env, LBX_EMULATOR_API_KEY: secret } }));
    await child.waitFor(/Press Ctrl-C to stop\./);
    child.child.kill("SIGINT");
    await child.exited;
    expect(child.stdout()).toContain("the value of LBX_EMULATOR_API_KEY");
    expect(child.stdout() + child.stderr()).not.toContain(secret);
  });

  it("rejects --memory with --data, and a bad port (exit 2)", async () => {
    const box = sandbox();
    expect((await lbx(["emulator", "--memory", "--data", box.home], { env: box.env })).code).toBe(2);
    const port = await lbx(["emulator", "--port", "70000"], { env: box.env });
    expect(port.code).toBe(2);
    expect(port.stderr).toContain("must be a port number");
  });
});

import { type LbxClient, startUpsertTask } from "@lbx/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverWithDataset, type TestServer } from "./helpers/emulator.js";
import { json, lbx } from "./helpers/run.js";

interface Task {
  id: string;
  status: string;
  errors: string | null;
}

let server: TestServer;
let client: LbxClient;
let datasetId: string;

beforeAll(async () => {
  ({ server, client, datasetId } = await serverWithDataset("Tasks"));
});
afterAll(() => server.emulator.close());

const start = (key: string) =>
  startUpsertTask(client, [[{ id: { type: "AUTO", value: "" }, payload: { row_data: "https://example.com/t.jpg", global_key: key, dataset_id: datasetId } }]]);

describe("lbx tasks", () => {
  it("gets a running task, waits for one, and gets it again when complete", async () => {
    // A task that never finishes is certainly running when looked at.
    server.emulator.faults.set({ rules: [{ kind: "task-hang", times: 1 }] });
    try {
      const hung = await start("task-0");
      const running = await lbx(["tasks", "get", hung.id, "--json"], { env: server.env });
      expect(running.code).toBe(0);
      expect(json<Task>(running)).toMatchObject({ id: hung.id, status: "IN_PROGRESS" });
    } finally {
      server.emulator.faults.clear();
    }
    const task = await start("task-1");
    const waited = await lbx(["tasks", "wait", task.id, "--json"], { env: server.env });
    expect(waited.code).toBe(0);
    expect(json<Task>(waited)).toMatchObject({ id: task.id, status: "COMPLETE" });
    const human = await lbx(["tasks", "get", task.id], { env: server.env });
    expect(human.stdout).toMatch(/^status\s+COMPLETE$/m);
  });

  it("exits 1 for a failed task and still prints it", async () => {
    server.emulator.faults.set({ rules: [{ kind: "task-fail", times: 1, message: "disk on fire" }] });
    try {
      const task = await start("task-2");
      const r = await lbx(["tasks", "wait", task.id, "--json"], { env: server.env });
      expect(r.code).toBe(1);
      expect(json<Task>(r)).toMatchObject({ id: task.id, status: "FAILED" });
    } finally {
      server.emulator.faults.clear();
    }
  });

  it("exits 1 with the task id when waiting times out, and 5 for an unknown task", async () => {
    server.emulator.faults.set({ rules: [{ kind: "task-hang", times: 1 }] });
    try {
      const task = await start("task-3");
      const r = await lbx(["tasks", "wait", task.id, "--timeout", "1", "--json"], { env: server.env });
      expect(r.code).toBe(1);
      expect(json(r)).toMatchObject({ error: { code: "TASK_TIMEOUT" } });
      expect(r.stderr).toContain(`task id: ${task.id}`);
    } finally {
      server.emulator.faults.clear();
    }
    const unknown = await lbx(["tasks", "get", "cnosuchtask0000000000000x"], { env: server.env });
    expect(unknown.code).toBe(5);
  });
});

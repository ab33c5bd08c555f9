// Replays the recorded traffic of all eight Python SDK releases (../shared/spec/captures) against
// fresh emulators: every response must be one that release accepts (see replay/replayer.ts).
import { describe, expect, it } from "vitest";
import { startEmulator } from "../src/index.js";
import { captureFiles, loadCapture } from "./replay/capture.js";
import { replay } from "./replay/replayer.js";

describe("capture replay", () => {
  const files = captureFiles();
  it("finds the eight recorded releases", () => {
    expect(files).toHaveLength(8);
  });
  for (const file of files) {
    it(`answers every request of ${file} the way that release accepts`, async () => {
      const capture = loadCapture(file);
      const emulator = await startEmulator({ apiKey: "test-api-key" });
      try {
        const report = await replay(capture, emulator);
        expect(report.requests).toBeGreaterThanOrEqual(capture.log.length);
        expect(report.problems).toEqual([]);
      } finally {
        await emulator.close();
      }
    });
  }
});

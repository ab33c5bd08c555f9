import { describe, expect, it, vi } from "vitest";
import * as errors from "../src/errors.js";
import { AbortError, LbxError, NetworkError, TimeoutError, isLbxError } from "../src/errors.js";

// A second, independent copy of the module, as when an app loads both the ESM and the CJS build
// or two versions of @lbx/transport: different class objects, same brand and names.
const loadCopy = async (): Promise<typeof errors> => {
  vi.resetModules();
  return import("../src/errors.js");
};

describe("errors", () => {
  it("carry stable codes and names", () => {
    const cause = new Error("socket hang up");
    expect(new NetworkError("GET x failed", { cause })).toMatchObject({ code: "NETWORK_ERROR", name: "NetworkError", message: "GET x failed", cause });
    expect(new TimeoutError("attempt", 30_000)).toMatchObject({ code: "TIMEOUT", name: "TimeoutError", scope: "attempt", timeoutMs: 30_000 });
    expect(new TimeoutError("deadline", 5)).toMatchObject({ scope: "deadline", message: "Timed out after 5 ms (deadline)" });
    expect(new AbortError("Request aborted", { cause })).toMatchObject({ code: "ABORTED", name: "AbortError" });
    expect(new LbxError("X", "y")).toMatchObject({ code: "X", name: "LbxError" });
  });

  it("instanceof is precise within one copy", () => {
    const timeout = new TimeoutError("attempt", 1);
    expect(timeout).toBeInstanceOf(TimeoutError);
    expect(timeout).toBeInstanceOf(LbxError);
    expect(timeout).toBeInstanceOf(Error);
    expect(timeout).not.toBeInstanceOf(NetworkError);
    expect(new Error("plain")).not.toBeInstanceOf(LbxError);
    expect({ code: "TIMEOUT" }).not.toBeInstanceOf(TimeoutError);
    expect(isLbxError(timeout)).toBe(true);
    expect(isLbxError(new Error("x"))).toBe(false);
    expect(isLbxError(null)).toBe(false);
  });

  it("instanceof works across copies of the package, by declared name", async () => {
    const copy = await loadCopy();
    expect(copy.TimeoutError).not.toBe(TimeoutError);
    const foreign = new copy.TimeoutError("attempt", 1);
    expect(foreign).toBeInstanceOf(TimeoutError);
    expect(foreign).toBeInstanceOf(LbxError);
    expect(foreign).not.toBeInstanceOf(NetworkError);
    expect(foreign).not.toBeInstanceOf(AbortError);
    expect(new NetworkError("x")).toBeInstanceOf(copy.NetworkError);
    expect(new NetworkError("x")).toBeInstanceOf(copy.LbxError);
    expect(isLbxError(foreign)).toBe(true);
    expect(copy.isLbxError(new AbortError("x"))).toBe(true);
  });

  it("subclasses in other packages work across copies when they declare errorName", async () => {
    const copy = await loadCopy();
    const define = (base: typeof LbxError) => {
      class ApiError extends base {
        static override readonly errorName: string = "ApiError";
      }
      class AuthenticationError extends ApiError {
        static override readonly errorName: string = "AuthenticationError";
        constructor() {
          super("UNAUTHENTICATED", "Invalid API key");
        }
      }
      return { ApiError, AuthenticationError };
    };
    const here = define(LbxError);
    const there = define(copy.LbxError);
    const foreign = new there.AuthenticationError();
    expect(foreign).toBeInstanceOf(here.AuthenticationError);
    expect(foreign).toBeInstanceOf(here.ApiError);
    expect(foreign).toBeInstanceOf(LbxError);
    expect(foreign).not.toBeInstanceOf(TimeoutError);
    expect(new here.ApiError("X", "y")).not.toBeInstanceOf(there.AuthenticationError);
    expect(foreign.name).toBe("AuthenticationError");
  });

  it("a subclass without errorName works within its copy only, and is never confused with another", async () => {
    const copy = await loadCopy();
    class Unnamed extends LbxError {}
    class OtherUnnamed extends copy.LbxError {}
    expect(new Unnamed("X", "y")).toBeInstanceOf(Unnamed);
    expect(new Unnamed("X", "y")).toBeInstanceOf(LbxError);
    expect(new OtherUnnamed("X", "y")).not.toBeInstanceOf(Unnamed);
    expect(new NetworkError("x")).not.toBeInstanceOf(Unnamed);
    expect(new Unnamed("X", "y").name).toBe("Unnamed");
  });

  it("keeps its name when a minifier renames the class", () => {
    const Minified = class extends LbxError {
      static override readonly errorName: string = "QuotaError";
    };
    Object.defineProperty(Minified, "name", { value: "t" });
    expect(new Minified("QUOTA", "limit").name).toBe("QuotaError");
  });

  it("the brand is not enumerable, so errors serialise cleanly", () => {
    const error = new TimeoutError("attempt", 5);
    const [brand] = Object.getOwnPropertySymbols(error);
    expect(brand).toBe(Symbol.for("lbx.error"));
    expect(Object.prototype.propertyIsEnumerable.call(error, brand as symbol)).toBe(false);
    expect(JSON.stringify(error)).toBe('{"code":"TIMEOUT","name":"TimeoutError","scope":"attempt","timeoutMs":5}');
  });
});

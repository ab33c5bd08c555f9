import { expect, it } from "vitest";
import { AuthenticationError, createClient, createClientWithTransport } from "../../src/index.js";
import { fetchTransport } from "@lbx/transport";

const attempt = (create: () => unknown): unknown => {
  try {
    create();
  } catch (error) {
    return error;
  }
  return undefined;
};

it("a key fetch cannot send, or one that is not a string, is an AuthenticationError that does not show it", () => {
  for (const apiKey of ["abcdefghijkl\n", "abc defghijkl", 12345678 as unknown as string]) {
    for (const error of [attempt(() => createClient({ apiKey })), attempt(() => createClientWithTransport({ apiKey, transport: fetchTransport() }))]) {
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error).toMatchObject({ code: "AUTHENTICATION_ERROR" });
      expect(String((error as Error).message)).not.toContain("abcdefghijkl");
      expect(String((error as Error).message)).not.toContain("defghijkl");
      expect(String((error as Error).message)).not.toContain("12345678");
    }
  }
  // A missing key is the same class, as before.
  expect(attempt(() => createClient({ apiKey: "" }))).toBeInstanceOf(AuthenticationError);
});

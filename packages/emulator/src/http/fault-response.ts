// How an injected fault answers a request, mimicking what the cloud and its load balancers send.
import type { IncomingMessage, ServerResponse } from "node:http";
import { STATUS_CODES } from "node:http";
import type { FaultRule } from "../faults.js";
import { sendJson, sendText } from "./respond.js";

/** Ends the request the way `rule` says. */
export function respondWithFault(req: IncomingMessage, res: ServerResponse, rule: FaultRule): void {
  switch (rule.kind) {
    case "drop":
      req.socket.destroy();
      return;
    case "rate-limit": {
      const retryAfter = rule.retryAfter ?? 1;
      // The SDK turns a top-level message starting "You have exceeded" into ApiLimitError.
      sendJson(res, 429, { message: rule.message ?? `You have exceeded the rate limit. Retry after ${retryAfter} seconds.` }, { "Retry-After": String(retryAfter) });
      return;
    }
    case "graphql-error": {
      const code = rule.code ?? "INTERNAL_SERVER_ERROR";
      const status = rule.status === undefined ? (code === "INTERNAL_SERVER_ERROR" ? 500 : undefined) : rule.status;
      const extensions: Record<string, unknown> = { code };
      if (status !== undefined && status !== null) extensions.exception = { status };
      sendJson(res, 200, { data: null, errors: [{ message: rule.message ?? `Injected fault: ${code}`, locations: [], path: [], extensions }] });
      return;
    }
    case "bad-body":
      sendText(res, rule.status ?? 200, rule.message ?? "not json");
      return;
    case "http": {
      const status = rule.status ?? 500;
      const reason = STATUS_CODES[status] ?? "Error";
      if (rule.body === "text") return sendText(res, status, rule.message ?? reason);
      if (status >= 500) {
        const message = rule.message ?? `Injected fault: HTTP ${status}`;
        return sendJson(res, status, { data: null, errors: [{ message, locations: [], path: [], extensions: { code: "INTERNAL_SERVER_ERROR", exception: { status } } }] });
      }
      sendJson(res, status, { message: rule.message ?? reason });
      return;
    }
    default:
      sendText(res, 500, "Unknown fault");
  }
}

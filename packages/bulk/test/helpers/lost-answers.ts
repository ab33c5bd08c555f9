import { fetchTransport, NetworkError, type Transport } from "@lbx/transport";

/**
 * Our own seam for a lost answer: the first `times` requests of `operation` reach the server,
 * which does the work, then the response never reaches the SDK (a connection reset). `lost()`
 * tells how many were lost so far.
 */
export function losingAnswers(operation: string, times: number): { transport: Transport; lost: () => number } {
  let lost = 0;
  const base = fetchTransport();
  const transport: Transport = async (request) => {
    const response = await base(request);
    if (request.operation?.name === operation && lost < times) {
      lost += 1;
      await response.text();
      throw new NetworkError("connection reset after the request was sent");
    }
    return response;
  };
  return { transport, lost: () => lost };
}

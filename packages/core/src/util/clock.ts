// Polling waits go through the transport's clock and abortable sleep, so one fake clock drives
// both retry backoff and task polling in tests, and an abort stops either at once.
export { type Clock, sleep, systemClock } from "@lbx/transport";

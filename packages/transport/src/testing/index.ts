/**
 * `@lbx/transport/testing`: prove a transport behaves (`conformanceChecks`, `runConformance`),
 * the server those checks talk to (`startConformanceServer`, Node), and a fake clock for testing
 * middleware timing instantly (`createFakeClock`).
 */
export { type ConformanceCheck, ConformanceFailure, type ConformanceOptions, type ConformanceResult, conformanceChecks, runConformance } from "./conformance.js";
export { type ConformanceServer, type EchoReply, startConformanceServer } from "./server.js";
export { type FakeClock, createFakeClock } from "./fake-clock.js";

// The built-in Ploomes sandbox's one entry point: everything the rest of the app uses of it — the route handlers,
// the Sandbox page, connecting an integration to a fresh tenant, and what tests, scripts and benchmarks need to
// drive it. Nothing outside lib/ploomes-sandbox imports its modules directly (eslint.config.mjs, "Sandbox
// boundary"), and the sandbox imports nothing above the base tier, so it can change without touching the app.

// HTTP: the Ploomes API imitation and its test-support endpoints, where the app serves them.
export { handleSandboxAdminRequest, handleSandboxRequest } from "./handle-request";
export { SANDBOX_ADMIN_PATH, SANDBOX_API_PATH } from "./http";

// Tenants and what a new one holds.
export { createSandboxTenant, selectSandboxTenant } from "./tenant";
export { SANDBOX_SEED, seedFieldKey } from "./tenant-seed";

// Fault injection, for tests and benchmarks that exercise retries.
export { faultSchedule, type SandboxFaults, setSandboxFaults } from "./faults";

// The Sandbox page's view of a tenant.
export {
  type ContactRow,
  type CustomFieldValue,
  type DealRow,
  type InteractionRow,
  type LeadRow,
  type Listing,
  loadSandboxOverview,
} from "./overview";

/** Where the app serves the sandbox: the Ploomes API imitation and its test-support endpoints. */
export const SANDBOX_API_PATH = "/sandbox/ploomes/api";
export const SANDBOX_ADMIN_PATH = "/sandbox/admin";

/** Hundreds of generated cases per property: on a busy 2-core CI machine that can outlast vitest's 5 s default. */
export const FUZZ_TIMEOUT_MS = 60_000;

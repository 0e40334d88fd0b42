// The options every benchmark understands, e.g. `npm run bench -- --only drain --chats 300 --quick`.
const argv = process.argv.slice(2);

export const quick = argv.includes("--quick");

export function option(name: string): string | undefined {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? argv[index + 1] : undefined;
}

/** A positive integer option; a bad value stops the run with the option's name rather than running wrong. */
export function countOption(name: string, fallback: number): number {
  const raw = option(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer (got "${raw}")`);
  return value;
}

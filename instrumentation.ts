// Runs once per server process. Node-only work (database, worker) is loaded lazily so the edge bundle stays clean.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { onServerStart } = await import("./lib/bootstrap/on-server-start");
  await onServerStart();
}

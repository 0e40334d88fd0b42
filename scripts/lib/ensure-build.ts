import { isBuildFresh, writeBuildStamp } from "./build-stamp";
import { bin, run } from "./run";

/** Runs `next build` unless the last build used the same sources and database provider. */
export async function ensureBuild(provider: string): Promise<void> {
  if (isBuildFresh(provider)) return;
  console.log("Building the app (first start or sources changed)…");
  await run(bin("next"), ["build"], { env: { ...process.env, NODE_ENV: "production" } });
  writeBuildStamp(provider);
}

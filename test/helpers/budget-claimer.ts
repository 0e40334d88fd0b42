// A child process for test/integration/ploomes/db-pacer.test.ts: `callers` concurrent queued-lane claimers of one
// Ploomes budget on a compressed clock (virtual time = origin + (real time − origin) × speed), until `grants`
// calls were granted. Prints the granted start times (virtual epoch ms) as JSON. The database is DATABASE_URL.
import { claimBudget } from "@/lib/ploomes/db-pacer";
import { systemDb } from "@/lib/db/client";

async function main() {
  const [key, callers, grants, origin, speed, intervalMs, toleranceMs] = process.argv.slice(2);
  const realOrigin = Number(origin);
  const clock = () => realOrigin + (Date.now() - realOrigin) * Number(speed);
  const granted: number[] = [];
  await Promise.all(
    Array.from({ length: Number(callers) }, async () => {
      while (granted.length < Number(grants)) {
        const claim = await claimBudget(key!, {
          intervalMs: Number(intervalMs),
          toleranceMs: Number(toleranceMs),
          now: clock(),
        });
        if (claim.granted) granted.push(claim.at);
        else
          await new Promise((resolve) => setTimeout(resolve, Math.max(1, (claim.retryAt - clock()) / Number(speed))));
      }
    }),
  );
  process.stdout.write(JSON.stringify(granted));
  await systemDb.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

import { expect } from "vitest";

/**
 * How a property's generated cases split between the inputs it checks (accepted) and those it lets go (refused).
 * A property that `return`s on a refused input passes just as well when every input is refused; asserting the
 * split once the run is over makes it fail then, and when a generator drifts away from what it aims at.
 *
 * The floors sit well under the measured shares (a few hundred runs vary by a few points): they catch "nothing
 * gets through", not a seed's bad luck.
 */
export function caseTally() {
  const counts = { accepted: 0, refused: 0 };
  return {
    counts,
    accepted(): void {
      counts.accepted += 1;
    },
    refused(): void {
      counts.refused += 1;
    },
    /** At least `accepted` of the cases accepted and, where the generator aims at refusals too, `refused` refused. */
    expectShares(floors: { accepted: number; refused?: number }): void {
      const total = counts.accepted + counts.refused;
      const seen = `${counts.accepted} accepted, ${counts.refused} refused`;
      expect(total, "cases counted").toBeGreaterThan(0);
      expect(counts.accepted / total, `share accepted (${seen})`).toBeGreaterThanOrEqual(floors.accepted);
      expect(counts.refused / total, `share refused (${seen})`).toBeGreaterThanOrEqual(floors.refused ?? 0);
    },
  };
}

import { serveTestServer } from "../../helpers/serve-test-server";
import { stopAllChildren } from "./child-processes";

/**
 * The in-process receiver and sandbox for a test file's scenarios, started before its tests. After them the child
 * processes go first (a worker would otherwise go on calling a closed server), then the server.
 */
export function serveScenarios(): { readonly url: string } {
  return serveTestServer({ beforeClose: stopAllChildren });
}

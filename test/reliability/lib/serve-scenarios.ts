import { afterAll, beforeAll } from "vitest";
import { startTestServer, type TestServer } from "../../helpers/test-server";
import { stopAllChildren } from "./child-processes";

/**
 * The in-process receiver and sandbox for a test file's scenarios, started before its tests. After them the child
 * processes go first (a worker would otherwise go on calling a closed server), then the server.
 */
export function serveScenarios(): { readonly url: string } {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await stopAllChildren();
    await server?.close();
  });
  return {
    get url() {
      if (!server) throw new Error("the scenario server is not up yet");
      return server.url;
    },
  };
}

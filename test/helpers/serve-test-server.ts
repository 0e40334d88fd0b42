import { afterAll, beforeAll } from "vitest";
import { SANDBOX_API_PATH } from "@/lib/ploomes-sandbox";
import { startTestServer, type TestServer } from "./test-server";

// Apart from test-server.ts, which runs outside vitest too (test/reliability/lib/web-process.ts).

/** The test server of a test file (or of a describe block), as `serveTestServer` hands it out. */
export type ServedTestServer = { readonly url: string; readonly sandboxApiUrl: string };

/**
 * Starts a test server before the tests of the file (or describe block) it is called in and closes it after them:
 * the set-up every suite that reaches the sandbox or the receiver over HTTP would otherwise write again.
 * `beforeClose` runs first: child processes (workers) stop before the server they call goes away.
 */
export function serveTestServer(options: { beforeClose?: () => Promise<void> } = {}): ServedTestServer {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await options.beforeClose?.();
    await server?.close();
  });
  const started = () => {
    if (!server) throw new Error("the test server is not up yet: read it inside a test or a hook");
    return server;
  };
  return {
    get url() {
      return started().url;
    },
    /** The sandbox's Ploomes API on this server: a connection's base URL. */
    get sandboxApiUrl() {
      return `${started().url}${SANDBOX_API_PATH}`;
    },
  };
}

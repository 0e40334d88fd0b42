// node --import tsx test/reliability/lib/web-process.ts <port> – one more web process for the reliability suites:
// the test server (receiver and sandbox, the same handlers as the Next routes) on its own, until it is killed.
import { startTestServer } from "../../helpers/test-server";

startTestServer(Number(process.argv[2])).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import net from "node:net";

/** A port free right now on 127.0.0.1, for a server started next (e2e, benchmarks, reliability suites). */
export function sparePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The node arguments that run the production server (scripts/serve.ts: the build, plus the direct webhook path)
 * on `port`, for `npm start`, the e2e run, the benchmarks and the reliability suites alike.
 */
export function appServerArgs(port: number, hostname?: string): string[] {
  return ["--import", "tsx", "scripts/serve.ts", "-p", String(port), ...(hostname ? ["-H", hostname] : [])];
}

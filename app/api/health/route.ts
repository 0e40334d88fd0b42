// GET /api/health – liveness plus a database round-trip
import { NextResponse } from "next/server";
import { systemDb, database } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export async function GET() {
  const started = Date.now();
  try {
    await systemDb.$queryRaw`SELECT 1`;
    return NextResponse.json({ status: "ok", database: database.provider, dbLatencyMs: Date.now() - started });
  } catch {
    return NextResponse.json({ status: "error", database: database.provider }, { status: 503 });
  }
}

import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/current-user";
import { getEventDetail } from "@/lib/events/event-log";
import { EventDetailView } from "./event-detail-view";

export async function generateMetadata() {
  return { title: (await getTranslations("events.detail"))("title") };
}

export default async function EventDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, user } = await requirePageUser();
  const event = await getEventDetail(db, (await params).id);
  // Another account's id gets the same answer as one that never existed.
  if (!event) notFound();
  return <EventDetailView event={event} canReprocess={user.role === "admin"} />;
}

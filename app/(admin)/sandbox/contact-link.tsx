import { sandboxRecordAnchor } from "@/lib/sync/sandbox-record-anchor";

/** A contact named by a record, linked to its own row on the page. */
export function ContactLink({ contact }: { contact: { id: number; name: string } | null }) {
  if (!contact) return <span className="text-slate-400">–</span>;
  return (
    <a className="text-brand-700 hover:underline" href={`#${sandboxRecordAnchor("Contacts", contact.id)}`}>
      {contact.name}
    </a>
  );
}

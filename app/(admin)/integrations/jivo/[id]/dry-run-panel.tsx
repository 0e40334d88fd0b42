"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { DryRunView } from "@/lib/sync/dry-run/describe-dry-run";
import type { DryRunSources, DryRunSource } from "@/lib/sync/dry-run/dry-run-sources";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/form-field";
import { DryRunPlan } from "@/components/integrations/dry-run-plan";
import { useActionError, useActionReason } from "@/components/use-action-error";
import { dryRunAction } from "./actions";

type Kind = DryRunSource["kind"];
type Props = {
  integrationId: string;
  sources: DryRunSources;
  /** On the mapping step, unsaved edits are not simulated. */ saveFirst?: boolean;
};

/** "O que este chat criaria?": pick a chat, see what it would find, reuse and create in Ploomes — nothing is written. */
export function DryRunPanel({ integrationId, sources, saveFirst }: Props) {
  const t = useTranslations("wizard.dryRun");
  const tEvents = useTranslations("events");
  const format = useFormatter();
  const describe = useActionError();
  const reason = useActionReason();
  const [kind, setKind] = useState<Kind>(sources.events.length > 0 ? "event" : "sample");
  const [eventId, setEventId] = useState(sources.events[0]?.id ?? "");
  const [sample, setSample] = useState(sources.samples[0] ?? "chat_finished");
  const [json, setJson] = useState("");
  const [view, setView] = useState<DryRunView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  // The list grows when the page refreshes (e.g. after a test event): fall back to the newest event.
  const chosenEvent = sources.events.some((event) => event.id === eventId) ? eventId : (sources.events[0]?.id ?? "");
  const source = (): DryRunSource =>
    kind === "event" ? { kind, eventId: chosenEvent } : kind === "sample" ? { kind, name: sample } : { kind, json };
  const run = () =>
    startTransition(async () => {
      setError(null);
      setView(null);
      const result = await dryRunAction(integrationId, source());
      if (result.ok) setView(result.data);
      // A blocked plan names what is missing in Ploomes: the reason the run stopped on, with its parameters.
      else if (result.fields?._ === "dryRunBlocked") {
        const blockedBy = String(result.params?.reason ?? "");
        setError(
          t("blocked", { detail: reason({ fields: { _: blockedBy }, params: result.params }) ?? result.message }),
        );
      } else setError(describe(result));
    });
  const eventLabel = (event: DryRunSources["events"][number]) =>
    `${format.dateTime(event.receivedAt, { dateStyle: "short", timeStyle: "short" })} — ${
      event.visitorName ?? event.visitorEmail ?? event.visitorPhone ?? tEvents("table.anonymous")
    } (${tEvents(`eventNames.${event.eventName}`)})`;
  const option = (value: Kind, label: string, disabled = false) => (
    <label className={`flex items-center gap-2 text-sm ${disabled ? "text-slate-400" : "text-slate-800"}`}>
      <input
        type="radio"
        name="dry-run-source"
        value={value}
        checked={kind === value}
        disabled={disabled}
        onChange={() => setKind(value)}
        className="h-4 w-4 accent-brand-600"
      />
      {label}
    </label>
  );

  return (
    <Card
      id="dry-run-heading"
      title={t("title")}
      description={
        <>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("description")}</p>
          <p className="mt-1 max-w-3xl text-xs text-slate-500">
            {saveFirst ? t("savedSettingsSaveFirst") : t("savedSettings")}
          </p>
        </>
      }
    >
      <fieldset className="space-y-3">
        <legend className="mb-2 text-sm font-medium text-slate-800">{t("sourceLegend")}</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {option("event", t("sources.event"), sources.events.length === 0)}
          {option("sample", t("sources.sample"))}
          {option("pasted", t("sources.pasted"))}
        </div>
        {kind === "event" ? (
          <select
            aria-label={t("eventLabel")}
            value={chosenEvent}
            onChange={(event) => setEventId(event.target.value)}
            className={`${inputClass} max-w-xl`}
          >
            {sources.events.map((event) => (
              <option key={event.id} value={event.id}>
                {eventLabel(event)}
              </option>
            ))}
          </select>
        ) : null}
        {kind === "sample" ? (
          <select
            aria-label={t("sampleLabel")}
            value={sample}
            onChange={(event) => setSample(event.target.value as typeof sample)}
            className={`${inputClass} max-w-xl`}
          >
            {sources.samples.map((name) => (
              <option key={name} value={name}>
                {t("sampleOption", { event: tEvents(`eventNames.${name}`) })}
              </option>
            ))}
          </select>
        ) : null}
        {kind === "pasted" ? (
          <div className="space-y-1">
            <label htmlFor="dry-run-json" className="block text-sm text-slate-700">
              {t("pastedLabel")}
            </label>
            <textarea
              id="dry-run-json"
              rows={8}
              value={json}
              onChange={(event) => setJson(event.target.value)}
              className={`${inputClass} font-mono text-xs`}
            />
          </div>
        ) : null}
        {sources.events.length === 0 ? <p className="text-xs text-slate-500">{t("noEvents")}</p> : null}
      </fieldset>
      <Button variant="secondary" onClick={run} disabled={pending || (kind === "pasted" && json.trim() === "")}>
        {pending ? t("running") : t("run")}
      </Button>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {view ? <DryRunPlan view={view} integrationId={integrationId} /> : null}
    </Card>
  );
}

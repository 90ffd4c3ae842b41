"use client";
import { useState, type FormEvent } from "react";
import { FormActions } from "@/components/ui/button";
import { ErrorMessage, TextField } from "@/components/ui/field";

export interface EndpointFormValues {
  settings: { name: string; baseUrl: string; model: string; concurrency: number; requestsPerMinute: number | null; timeoutMs: number };
  /** undefined keeps the stored key (edits), a string sets it. */
  apiKey?: string;
}

interface EndpointFormProps {
  initial?: EndpointFormValues["settings"] & { hasApiKey: boolean };
  submitLabel: string;
  pending: boolean;
  error: { message: string } | null;
  onSubmit(values: EndpointFormValues): void;
  onCancel(): void;
}

/** Add or edit one endpoint; the key field is empty on edit and replaces the stored key only when typed into. */
export function EndpointForm({ initial, submitLabel, pending, error, onSubmit, onCancel }: EndpointFormProps) {
  const [name, setName] = useState(initial?.name ?? "");
  const [baseUrl, setBaseUrl] = useState(initial?.baseUrl ?? "");
  const [model, setModel] = useState(initial?.model ?? "");
  const [apiKey, setApiKey] = useState("");
  const [concurrency, setConcurrency] = useState(String(initial?.concurrency ?? 8));
  const [rpm, setRpm] = useState(initial?.requestsPerMinute ? String(initial.requestsPerMinute) : "");
  const [timeoutSeconds, setTimeoutSeconds] = useState(String((initial?.timeoutMs ?? 120_000) / 1000));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({
      settings: { name, baseUrl, model, concurrency: Number(concurrency), requestsPerMinute: rpm.trim() === "" ? null : Number(rpm), timeoutMs: Number(timeoutSeconds) * 1000 },
      apiKey: apiKey === "" ? undefined : apiKey,
    });
  };

  return (
    <form onSubmit={submit} className="space-y-3 rounded-md border border-zinc-200 p-3 dark:border-zinc-800" aria-label={submitLabel}>
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} required placeholder="judge" />
        <TextField label="Base URL (OpenAI-compatible)" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} required placeholder="http://judge-host:8000/v1" />
        <TextField label="Model" value={model} onChange={(e) => setModel(e.target.value)} required placeholder="Qwen2.5-72B-Instruct" />
      </div>
      <div className="grid gap-3 sm:grid-cols-4">
        <TextField
          label={initial?.hasApiKey ? "API key (stored; type to replace)" : "API key (optional)"}
          type="password"
          autoComplete="off"
          value={apiKey}
          onChange={(e) => setApiKey(e.target.value)}
        />
        <TextField label="Concurrency" type="number" min={1} value={concurrency} onChange={(e) => setConcurrency(e.target.value)} />
        <TextField label="Requests per minute (empty: no limit)" type="number" min={1} value={rpm} onChange={(e) => setRpm(e.target.value)} />
        <TextField label="Timeout (seconds)" type="number" min={1} value={timeoutSeconds} onChange={(e) => setTimeoutSeconds(e.target.value)} />
      </div>
      <ErrorMessage error={error} />
      <FormActions submitLabel={submitLabel} pending={pending} onCancel={onCancel} />
    </form>
  );
}

"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { isSecretEnvName } from "@/server/recipes/secret-env";
import { FieldMessage, inputClass } from "./config-field";

type Row = { name: string; value: string };

/** Extra environment variables as editable rows; a secret-looking name hides its value as it is typed. */
export function EnvEditor({
  value,
  onChange,
  issueFor,
}: {
  value: Record<string, string>;
  onChange: (env: Record<string, string>) => void;
  issueFor: (path: string) => string | undefined;
}) {
  const [rows, setRows] = useState<Row[]>(() => Object.entries(value).map(([name, v]) => ({ name, value: v })));
  const update = (next: Row[]) => {
    setRows(next);
    onChange(Object.fromEntries(next.filter((row) => row.name.trim() !== "").map((row) => [row.name.trim(), row.value])));
  };
  return (
    <div className="space-y-2">
      {rows.map((row, index) => (
        <div key={index} className="space-y-1">
          <div className="flex gap-2">
            <input
              aria-label={`Variable ${index + 1} name`}
              className={`${inputClass} font-mono`}
              placeholder="NAME"
              value={row.name}
              onChange={(event) => update(rows.map((r, i) => (i === index ? { ...r, name: event.target.value } : r)))}
            />
            <input
              aria-label={`Variable ${index + 1} value`}
              className={`${inputClass} font-mono`}
              type={isSecretEnvName(row.name) ? "password" : "text"}
              autoComplete="off"
              value={row.value}
              onChange={(event) => update(rows.map((r, i) => (i === index ? { ...r, value: event.target.value } : r)))}
            />
            <Button type="button" variant="ghost" aria-label={`Remove variable ${index + 1}`} onClick={() => update(rows.filter((_, i) => i !== index))}>
              ✕
            </Button>
          </div>
          <FieldMessage id={`env-${index}`} issue={issueFor(`env.${row.name.trim()}`)} />
        </div>
      ))}
      <Button type="button" variant="secondary" onClick={() => setRows([...rows, { name: "", value: "" }])}>
        Add variable
      </Button>
    </div>
  );
}

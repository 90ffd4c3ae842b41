"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorMessage, TextField } from "@/components/ui/field";
import { SecretReveal } from "./secret-reveal";

export function NewTokenForm({
  label,
  onCreate,
  created,
  error,
  pending,
}: {
  label: string;
  onCreate: (name: string) => void;
  created: string | undefined;
  error: { message: string } | null;
  pending: boolean;
}) {
  const [name, setName] = useState("");
  return (
    <form
      className="mt-4 flex flex-wrap items-end gap-2 border-t border-zinc-200 pt-4 dark:border-zinc-800"
      onSubmit={(e) => {
        e.preventDefault();
        onCreate(name);
        setName("");
      }}
    >
      <div className="w-72">
        <TextField label={label} required value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <Button type="submit" disabled={pending}>
        Create token
      </Button>
      <div className="basis-full">
        <ErrorMessage error={error} />
        {created && <SecretReveal label="Copy this token now: it is stored hashed and will not be shown again." secret={created} />}
      </div>
    </form>
  );
}

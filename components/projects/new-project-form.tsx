"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorMessage, TextField } from "@/components/ui/field";

export function NewProjectForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const create = useMutation(trpc.projects.create.mutationOptions({ onSuccess: (project) => router.push(`/p/${project.slug}`) }));
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ name, description });
      }}
    >
      <TextField label="Project name" required value={name} onChange={(e) => setName(e.target.value)} />
      <TextField label="Description (optional)" value={description} onChange={(e) => setDescription(e.target.value)} />
      <ErrorMessage error={create.error} />
      <Button type="submit" disabled={create.isPending}>
        Create project
      </Button>
    </form>
  );
}

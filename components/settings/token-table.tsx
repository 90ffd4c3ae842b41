"use client";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { TimeAgo } from "@/components/ui/time";

export interface ListedToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export function TokenTable({ tokens, onRevoke, emptyHint }: { tokens: ListedToken[]; onRevoke: (id: string) => void; emptyHint: string }) {
  if (tokens.length === 0) return <EmptyState title="No tokens yet.">{emptyHint}</EmptyState>;
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-xs text-zinc-500">
        <tr>
          <th className="py-1.5 font-medium">Name</th>
          <th className="py-1.5 font-medium">Token</th>
          <th className="py-1.5 font-medium">Created</th>
          <th className="py-1.5 font-medium">Last used</th>
          <th />
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {tokens.map((t) => (
          <tr key={t.id} className={t.revokedAt ? "text-zinc-400 line-through" : undefined}>
            <td className="py-2">{t.name}</td>
            <td className="py-2 font-mono text-xs">{t.prefix}…</td>
            <td className="py-2"><TimeAgo date={t.createdAt} /></td>
            <td className="py-2"><TimeAgo date={t.lastUsedAt} /></td>
            <td className="py-2 text-right">
              {t.revokedAt ? (
                <span className="text-xs no-underline">revoked</span>
              ) : (
                <Button variant="danger" onClick={() => onRevoke(t.id)}>
                  Revoke
                </Button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AuthCard({ title, children, footer }: { title: string; children: React.ReactNode; footer?: React.ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2 text-lg font-semibold">
          <img src="/icon.svg" alt="" className="h-7 w-7" />
          MMR Studio
        </div>
        <div className="rounded-lg border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
          <h1 className="mb-4 text-base font-semibold">{title}</h1>
          {children}
        </div>
        {footer && <p className="mt-4 text-center text-sm text-zinc-500">{footer}</p>}
      </div>
    </main>
  );
}

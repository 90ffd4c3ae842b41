// Next.js calls register() once when a server process starts.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startWebProcess } = await import("./server/bootstrap/startup");
    await startWebProcess();
  }
}

export async function demo(_opts: { people: string }) { throw new Error("demo: not yet written"); }

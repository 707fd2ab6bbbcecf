// How the adapter reaches Excel: Excel.run in the host, a fake in tests. Its own module so the
// pieces of the adapter that need it (showing a cell) do not import the adapter class.

/** Runs one batch of Excel requests in a request context. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

import { parentPort, workerData } from 'node:worker_threads';
import { Client, type ClientConfig } from 'pg';
import { verifyStreamRange, type PositionRange } from './stream-range';

/** Worker thread of the stream pass: checks one range of positions on its own connection, in the caller's snapshot. */
async function run(): Promise<void> {
  const { connection, range, snapshot } = workerData as { connection: ClientConfig; range: PositionRange; snapshot: string };
  const client = new Client(connection);
  await client.connect();
  try {
    let last = 0;
    let events = 0;
    const result = await verifyStreamRange(client, range, snapshot, (rows) => {
      events += rows;
      if (events - last >= 50_000) {
        parentPort?.postMessage({ progress: events - last });
        last = events;
      }
    });
    parentPort?.postMessage({ progress: result.events - last, result });
  } finally {
    await client.end();
  }
}

run().catch((error: unknown) => parentPort?.postMessage({ error: error instanceof Error ? error.stack ?? error.message : String(error) }));

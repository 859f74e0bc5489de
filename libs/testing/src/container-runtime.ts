/**
 * Whether testcontainers can reach a container runtime. Cached per process.
 * Tests that need containers (KurrentDB, Kafka) call this and skip with a printed reason.
 */
let cached: Promise<boolean> | undefined;

export function containerRuntimeAvailable(): Promise<boolean> {
  cached ??= probe();
  return cached;
}

async function probe(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

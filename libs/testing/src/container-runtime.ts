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

/**
 * The Jest global setup stores containerRuntimeAvailable()'s answer here ('1' or '0') for the
 * workers: Jest registers tests synchronously, so a file decides with containerRuntimeProbed()
 * whether to declare its container suite or a skipped test that prints the reason.
 */
export const CONTAINER_RUNTIME_ENV = 'RECTIFY_CONTAINER_RUNTIME';

/** containerRuntimeAvailable() as answered in the Jest global setup (false outside Jest). */
export function containerRuntimeProbed(): boolean {
  return process.env[CONTAINER_RUNTIME_ENV] === '1';
}

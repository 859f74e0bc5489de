import { containerRuntimeProbed } from '@rectify/testing';
import { describeEvidenceStoreContract } from './evidence-store.contract';
import { s3StoreUnderTest, startMinioForTests } from './s3-for-tests';

/**
 * The same contract suite against a real MinIO in a container (testcontainers), where the
 * conditional PUT (If-None-Match) and Content-MD5 are enforced. Without a container runtime it
 * prints the skip line and registers one skipped test under that name: never a silent pass.
 */
const SKIP_LINE = 'SKIPPED: no container runtime (MinIO evidence store contract)';

if (containerRuntimeProbed()) {
  describeEvidenceStoreContract('S3EvidenceStore on MinIO', async () => s3StoreUnderTest(await startMinioForTests('rectify-evidence-contract', 'evidence/')));
} else {
  console.log(SKIP_LINE);
  it.skip(SKIP_LINE, () => undefined);
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEvidenceStoreContract } from './evidence-store.contract';
import { LocalEvidenceStore } from './local-evidence-store';

/** The contract against a temporary directory; "unreachable" = a directory path under a regular file. */
describeEvidenceStoreContract('LocalEvidenceStore', async () => {
  const root = mkdtempSync(join(tmpdir(), 'rectify-evidence-contract-'));
  const directory = join(root, 'evidence');
  writeFileSync(join(root, 'a-file'), 'not a directory');
  return {
    store: new LocalEvidenceStore(directory),
    corrupt: async (sha256, bytes) => writeFileSync(join(directory, sha256.slice(0, 2), sha256), bytes),
    unreachable: new LocalEvidenceStore(join(root, 'a-file', 'evidence')),
    teardown: async () => rmSync(root, { recursive: true, force: true }),
  };
});

// The sha256 check of one file against its manifest entry, shared by
// loadDataset and by transports that check while downloading (the browser
// transport, so that it keeps only checked bytes in Cache Storage).

import { DataError, type Localized } from './errors.ts';
import type { ManifestFile } from './manifest.ts';
import { sha256Hex } from './sha256.ts';

export async function checkSha256(bytes: Uint8Array, entry: ManifestFile, file: string, fix: Localized): Promise<void> {
  const digest = await sha256Hex(bytes);
  if (digest === entry.sha256) return;
  throw new DataError({
    file,
    problem: {
      ko: `내용이 손상되었거나 바뀌었습니다: sha256이 ${digest}인데 매니페스트에는 ${entry.sha256}입니다.`,
      en: `is corrupt or changed: sha256 ${digest}, the manifest says ${entry.sha256}.`,
    },
    fix,
  });
}

/** Where each public source is downloaded from when no local copy is found, and how it is checked. */
export interface DownloadManifest {
  onet: { url: string; sha256?: string };
  gpts: { baseUrl: string; files: { name: string; sha256?: string; optional?: boolean }[] };
}

// GPTs-are-GPTs at a fixed commit, so the checksums below stay true.
const GPTS_COMMIT = '0471612fef3cc22b74fb884d27bff9dbd3770582';

/**
 * The canonical releases. The O*NET zip has no published checksum: it is checked by opening it and
 * finding every required file, and its SHA-256 is recorded in the provenance of the load.
 */
export const PUBLIC_RELEASES: DownloadManifest = {
  onet: { url: 'https://www.onetcenter.org/dl_files/database/db_27_0_text.zip' },
  gpts: {
    baseUrl: `https://raw.githubusercontent.com/openai/GPTs-are-GPTs/${GPTS_COMMIT}/data/`,
    files: [
      { name: 'full_labelset.tsv', sha256: '094378905e1f3349e50a9a83dc69643a2ef227954d611c8316a46da08cb3d8de' },
      { name: 'occ_level.csv', sha256: '40c74f53de40aec91c0017d80690cbba915f83a8bb414bcf2f884692f1749acb' },
      {
        name: 'automation_gpt4_human_labels.tsv',
        sha256: 'ae864ef28347b6c516284fdef4ff2c6deccc13ea0b3439b7be056de7c3a02692',
        optional: true,
      },
      {
        name: 'national_May2021_dl.csv',
        sha256: 'ed35ea6dda3c430f7865c2194df49bacf8f0502a6783462051c603b53974583f',
        optional: true,
      },
    ],
  },
};

import { readFileSync } from 'node:fs';

/** Sarabun (SIL Open Font License), the typeface of Thai government documents, from its npm package. */
let cached: { regular: Buffer; bold: Buffer } | undefined;
export function sarabun(): { regular: Buffer; bold: Buffer } {
  cached ??= {
    regular: readFileSync(require.resolve('@expo-google-fonts/sarabun/400Regular/Sarabun_400Regular.ttf')),
    bold: readFileSync(require.resolve('@expo-google-fonts/sarabun/700Bold/Sarabun_700Bold.ttf')),
  };
  return cached;
}

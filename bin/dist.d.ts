/** The repository root. */
export const ROOT: string;
/** Where the build writes its fingerprint of the sources it compiled (relative to ROOT). */
export const FINGERPRINT_FILE: string;
/** SHA-256 (hex) over src/ and the tsconfig files, paths and contents. */
export function sourceFingerprint(root?: string): string;
/** Whether dist/ was built from the sources as they are now. */
export function distState(root?: string): 'current' | 'stale' | 'missing';

import { hash, verify } from '@node-rs/argon2';

/*
 * Argon2id with OWASP's recommended cost (19 MiB, 2 passes, 1 lane: ≈50 ms here), through
 * @node-rs/argon2's prebuilt binary. The parameters travel in the PHC string, so raising them later
 * still verifies the hashes made before.
 */
const COST = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export const hashPassword = (password: string): Promise<string> => hash(password, COST);

export async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash matches nothing
  }
}

/** Verified against when the e-mail address is unknown, so that a wrong address takes as long as a wrong password. */
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> => (decoy ??= hashPassword('no account has this password'));

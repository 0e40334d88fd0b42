import bcrypt from "bcryptjs";

const ROUNDS = 11;
// Compared against when the e-mail is unknown, so a missing account takes as long as a wrong password.
const DUMMY_HASH = "$2b$11$UF9DZybE.bDjHfOcdPBU1edbZD2.PbdQq2yc1F016Dvs7cfnuH.Pu";

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, ROUNDS);
}

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const ok = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return ok && Boolean(hash);
}

/**
 * Caches that hold something of a user register a cleaner here; deleting an account runs every
 * one of them, so no cache entry outlives the account. (Rows go by foreign-key cascade.)
 */
export type UserCacheCleaner = (userId: string) => Promise<void>;

const holder = globalThis as unknown as { __penprintUserCacheCleaners?: Map<string, UserCacheCleaner> };
const cleaners = (holder.__penprintUserCacheCleaners ??= new Map<string, UserCacheCleaner>());

export function registerUserCacheCleaner(name: string, cleaner: UserCacheCleaner): void {
  cleaners.set(name, cleaner);
}

export async function clearUserCaches(userId: string): Promise<string[]> {
  const names = [...cleaners.keys()];
  await Promise.all([...cleaners.values()].map((clean) => clean(userId)));
  return names;
}

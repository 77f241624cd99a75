import { LRUCache } from "lru-cache";
import type { Database } from "@/db/client";
import { getFingerprint } from "@/db/queries/fingerprints";
import { listSampleTexts } from "@/db/queries/samples";
import { parseFingerprint, type Fingerprint } from "@/lib/analysis/fingerprint";
import type { RewriteRegister } from "./steering";
import { buildVoiceProfile, type VoiceProfile } from "./voice-profile";

/**
 * The signed-in writer's fingerprint and voice profile for a register, read only by their user id
 * (the caller's), so one writer's rewrite can never be steered by another's samples.
 */

export async function loadFingerprint(
  { userId, register, db }: { userId: string; register: RewriteRegister; db?: Database },
): Promise<{ fingerprint: Fingerprint; updatedAt: Date } | null> {
  const row = await getFingerprint({ userId, scope: register }, db);
  if (!row) return null;
  try {
    return { fingerprint: parseFingerprint(row.data), updatedAt: row.updatedAt };
  } catch {
    // An older schema waits for its rebuild: as good as none for now.
    return null;
  }
}

// Profiles hold excerpts of a writer's samples: kept in this process only (never in Redis), keyed by
// the fingerprint's last update so a rebuild is picked up at once.
const holder = globalThis as unknown as { __penprintVoiceProfiles?: LRUCache<string, VoiceProfile> };
const profiles = (holder.__penprintVoiceProfiles ??= new LRUCache<string, VoiceProfile>({ max: 200, ttl: 60 * 60 * 1000 }));

export async function loadVoiceProfile(
  { userId, register, db }: { userId: string; register: RewriteRegister; db?: Database },
): Promise<VoiceProfile | null> {
  const found = await loadFingerprint({ userId, register, db });
  if (!found) return null;
  const key = `${userId}:${register}:${found.updatedAt.getTime()}`;
  const cached = profiles.get(key);
  if (cached) return cached;
  const all = await listSampleTexts({ userId }, db);
  // Excerpts of the same register; the overall fingerprint (or a register without samples left) uses all.
  const same = register === "overall" ? all : all.filter((s) => s.register === register);
  const samples = (same.length > 0 ? same : all).map((s) => ({ id: s.id, text: s.text }));
  const profile = buildVoiceProfile({ fingerprint: found.fingerprint, samples });
  profiles.set(key, profile);
  return profile;
}

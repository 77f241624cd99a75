import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * One schema for both drivers (PGlite and postgres.js). Every user-owned table cascades on user
 * deletion; audit events survive it with `user_id` cleared.
 */

const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();

export const userRole = pgEnum("user_role", ["admin", "writer"]);
export const writingRegister = pgEnum("writing_register", ["essay", "email", "fiction", "academic", "other"]);
/** An analysis is `ready` when saved in the request; long texts go `queued` → `running` → `ready` or `failed` in a job. */
export const analysisStatus = pgEnum("analysis_status", ["queued", "running", "ready", "failed"]);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name"),
    passwordHash: text("password_hash").notNull(),
    role: userRole("role").notNull().default("writer"),
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true, mode: "date" }),
    /** Preferred Ollama model; checked against /api/tags when used. */
    ollamaModel: text("ollama_model"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`)],
);

export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_id_idx").on(t.userId), index("sessions_expires_at_idx").on(t.expiresAt)],
);

/** Only SHA-256 hashes of tokens are stored; the token itself exists only in the mailed link. */
export const emailVerificationTokens = pgTable(
  "email_verification_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    /** The address being verified (differs from users.email during an email change). */
    email: text("email").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("email_verification_tokens_hash_idx").on(t.tokenHash),
    index("email_verification_tokens_user_id_idx").on(t.userId),
    index("email_verification_tokens_expires_at_idx").on(t.expiresAt),
  ],
);

export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("password_reset_tokens_hash_idx").on(t.tokenHash),
    index("password_reset_tokens_user_id_idx").on(t.userId),
    index("password_reset_tokens_expires_at_idx").on(t.expiresAt),
  ],
);

export const invites = pgTable(
  "invites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("invites_token_hash_idx").on(t.tokenHash),
    index("invites_created_by_idx").on(t.createdBy),
    index("invites_expires_at_idx").on(t.expiresAt),
  ],
);

/** Instance-wide settings the admin can change at run time (e.g. the sign-up mode). */
export const appSettings = pgTable("app_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: updatedAt(),
});

export const writingSamples = pgTable(
  "writing_samples",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    register: writingRegister("register").notNull().default("other"),
    text: text("text").notNull(),
    wordCount: integer("word_count").notNull(),
    /** SHA-256 of the normalised text: refuses duplicates per user. */
    contentHash: text("content_hash").notNull(),
    sourceFilename: text("source_filename"),
    sourceType: text("source_type"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("writing_samples_user_created_idx").on(t.userId, t.createdAt),
    uniqueIndex("writing_samples_user_hash_idx").on(t.userId, t.contentHash),
  ],
);

export const fingerprints = pgTable(
  "fingerprints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** A register, or "overall" for the fingerprint over every sample. */
    scope: text("scope").notNull(),
    schemaVersion: integer("schema_version").notNull(),
    wordCount: integer("word_count").notNull(),
    data: jsonb("data").notNull(),
    status: text("status").notNull().default("ready"),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("fingerprints_user_scope_idx").on(t.userId, t.scope)],
);

export const analyses = pgTable(
  "analyses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    text: text("text").notNull(),
    textHash: text("text_hash").notNull(),
    engineVersion: text("engine_version").notNull(),
    /** Verdict, probability and result exist once the analysis is ready (null while a job works on it). */
    verdict: text("verdict"),
    aiProbability: real("ai_probability"),
    wordCount: integer("word_count").notNull(),
    result: jsonb("result"),
    /** Saved analyses stay until the writer deletes them; unsaved ones expire after ANALYSIS_RETENTION_DAYS. */
    saved: boolean("saved").notNull().default(false),
    status: analysisStatus("status").notNull().default("ready"),
    /** Share of the job done, 0..1 (1 for a ready analysis). */
    progress: real("progress").notNull().default(1),
    /** Why a job failed, in words for the writer. */
    error: text("error"),
    createdAt: createdAt(),
  },
  (t) => [
    index("analyses_user_created_idx").on(t.userId, t.createdAt),
    index("analyses_user_hash_idx").on(t.userId, t.textHash),
    index("analyses_unsaved_created_idx").on(t.saved, t.createdAt),
    // Retention finds failed and abandoned job rows by status and age.
    index("analyses_status_created_idx").on(t.status, t.createdAt),
    check("analyses_progress_range", sql`${t.progress} >= 0 and ${t.progress} <= 1`),
    check(
      "analyses_ready_has_result",
      sql`${t.status} <> 'ready' or (${t.verdict} is not null and ${t.aiProbability} is not null and ${t.result} is not null)`,
    ),
  ],
);

export const drafts = pgTable(
  "drafts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull().default("Untitled draft"),
    text: text("text").notNull().default(""),
    /** Optimistic concurrency: a save must name the version it edited. */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("drafts_user_updated_idx").on(t.userId, t.updatedAt)],
);

export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    ip: text("ip"),
    requestId: text("request_id"),
    metadata: jsonb("metadata"),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_events_user_created_idx").on(t.userId, t.createdAt),
    index("audit_events_created_idx").on(t.createdAt),
    index("audit_events_action_idx").on(t.action),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Session = typeof sessions.$inferSelect;
export type WritingSample = typeof writingSamples.$inferSelect;
export type Fingerprint = typeof fingerprints.$inferSelect;
export type Analysis = typeof analyses.$inferSelect;
export type AnalysisStatus = (typeof analysisStatus.enumValues)[number];
export type Draft = typeof drafts.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type Register = (typeof writingRegister.enumValues)[number];

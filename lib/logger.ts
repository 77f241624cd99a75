import pino from "pino";
import { getRequestContext } from "@/lib/server/request-context";

/**
 * JSON logs on stdout. Writing, passwords, tokens, emails and cookies are redacted by key wherever
 * they appear; callers still must not put them in messages.
 */
export const redactedKeys = [
  "password",
  "newPassword",
  "currentPassword",
  "passwordHash",
  "token",
  "tokenHash",
  "secret",
  "text",
  "content",
  "prompt",
  "email",
  "cookie",
  "authorization",
];

const redactPaths = redactedKeys.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

const holder = globalThis as unknown as { __penprintLogger?: pino.Logger };

function createLogger(): pino.Logger {
  const level = process.env.LOG_LEVEL && process.env.LOG_LEVEL.trim() !== "" ? process.env.LOG_LEVEL : "info";
  return pino({
    level,
    base: { app: "penprint" },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redactPaths, censor: "[redacted]" },
    formatters: { level: (label) => ({ level: label }) },
    // Every line written while handling a request carries its id and, once known, the user id.
    mixin() {
      const context = getRequestContext();
      if (!context) return {};
      return context.userId ? { requestId: context.requestId, userId: context.userId } : { requestId: context.requestId };
    },
  });
}

export const logger: pino.Logger = (holder.__penprintLogger ??= createLogger());

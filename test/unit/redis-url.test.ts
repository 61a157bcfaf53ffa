import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/index.js";
import { hashTagOf, shareOneHashTag } from "../../src/lib/hash-tag.js";
import { maskRedisUrl, parseRedisUrl } from "../../src/lib/redis-url.js";

describe("REDIS_URL forms", () => {
  it("passes a single-node URL through to ioredis as it is", () => {
    expect(parseRedisUrl("redis://127.0.0.1:6379/3")).toEqual({ kind: "single", url: "redis://127.0.0.1:6379/3" });
    expect(parseRedisUrl("rediss://:secret@cache.internal")).toEqual({
      kind: "single",
      url: "rediss://:secret@cache.internal",
    });
  });

  it("reads a cluster's seed nodes, credentials and TLS", () => {
    expect(parseRedisUrl("redis+cluster://127.0.0.1:7000,127.0.0.1:7001,[::1]:7002,node4")).toEqual({
      kind: "cluster",
      nodes: [
        { host: "127.0.0.1", port: 7000 },
        { host: "127.0.0.1", port: 7001 },
        { host: "::1", port: 7002 },
        { host: "node4", port: 6379 },
      ],
      tls: false,
    });
    expect(parseRedisUrl("rediss+cluster://gw:p%40ss@a:7000")).toEqual({
      kind: "cluster",
      nodes: [{ host: "a", port: 7000 }],
      username: "gw",
      password: "p@ss",
      tls: true,
    });
    expect(parseRedisUrl("redis+cluster://:only-password@a:7000")).toMatchObject({ password: "only-password" });
  });

  it("reads Sentinels, the primary's name, its database and the Sentinels' own credentials", () => {
    expect(parseRedisUrl("redis+sentinel://s1:26379,s2:26380,s3/mymaster")).toEqual({
      kind: "sentinel",
      sentinels: [
        { host: "s1", port: 26379 },
        { host: "s2", port: 26380 },
        { host: "s3", port: 26379 },
      ],
      name: "mymaster",
      db: 0,
      tls: false,
    });
    expect(
      parseRedisUrl("rediss+sentinel://:data-pass@s1/primary-a/2?sentinelPassword=s%26p&sentinelUsername=watch"),
    ).toEqual({
      kind: "sentinel",
      sentinels: [{ host: "s1", port: 26379 }],
      name: "primary-a",
      db: 2,
      password: "data-pass",
      sentinelUsername: "watch",
      sentinelPassword: "s&p",
      tls: true,
    });
  });

  it("refuses what it cannot mean, without repeating a password", () => {
    const problems = [
      "memcached://a",
      "redis+cluster://",
      "redis+cluster://a:7000/1",
      "redis+cluster://a:99999",
      "redis+cluster://a:7000,,b:7001",
      "redis+sentinel://s1:26379",
      "redis+sentinel://s1/mymaster/x",
      "redis+sentinel://:hunter2@s1/mymaster?tls=1",
      "redis+sentinel://:%E0%A4%A@s1/mymaster",
    ].map((url) => {
      try {
        parseRedisUrl(url);
        return `accepted ${url}`;
      } catch (error) {
        return (error as Error).message;
      }
    });
    for (const problem of problems) expect(problem).toMatch(/^REDIS_URL/);
    expect(problems.join("\n")).not.toContain("hunter2");
  });

  it("masks passwords for logs and check-config", () => {
    expect(maskRedisUrl("redis://:secret@h:6379/0")).toBe("redis://:***@h:6379/0");
    expect(maskRedisUrl("redis+sentinel://gw:secret@s1,s2/m?sentinelPassword=x&sentinelUsername=u")).toBe(
      "redis+sentinel://gw:***@s1,s2/m?sentinelPassword=***&sentinelUsername=u",
    );
    expect(maskRedisUrl("redis+cluster://a:7000,b:7001")).toBe("redis+cluster://a:7000,b:7001");
  });

  it("is what loadConfig checks, with REDIS_KEY_PREFIX beside it", () => {
    expect(loadConfig({ REDIS_URL: "redis+cluster://a:7000,b:7001" })).toMatchObject({
      redisUrl: "redis+cluster://a:7000,b:7001",
      redisKeyPrefix: "gw:",
    });
    expect(loadConfig({ REDIS_URL: "redis+sentinel://s1/mymaster", REDIS_KEY_PREFIX: "staging:" }).redisKeyPrefix).toBe(
      "staging:",
    );
    let error: unknown;
    try {
      loadConfig({ REDIS_URL: "redis+sentinel://s1", REDIS_KEY_PREFIX: "{all}" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.filter((problem) => problem.startsWith("REDIS_"))).toHaveLength(2);
  });
});

describe("hash tags", () => {
  it("follow Redis Cluster's rule: the first {…} that is not empty, else the whole key", () => {
    expect(hashTagOf("{lockout}:user:p:u")).toBe("{lockout}");
    expect(hashTagOf("signin:{abc}")).toBe("{abc}");
    expect(hashTagOf("a{}b{c}")).toBe("a{}b{c}");
    expect(hashTagOf("a{b")).toBe("a{b");
    expect(shareOneHashTag(["{lockout}:ip:1", "{lockout}:user:p:u"])).toBe(true);
    expect(shareOneHashTag(["session", "{session}:used"])).toBe(false);
    expect(shareOneHashTag(["one"])).toBe(true);
  });
});

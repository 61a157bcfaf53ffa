/**
 * The Lua scripts behind the Redis ShortLivedStore: each runs as one atomic step, so every read-then-write
 * below is safe across gateway processes. Every key is a hash carrying its own logical expiry `e` (ms, from
 * the gateway's clock); PEXPIRE (that expiry plus a GC grace) only collects garbage.
 * Fields: value {v, e} · counter {c, e} · token bucket {t, u, e} · attempt gate {c, e, l}.
 */

const SET_SCRIPT = `
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'v', ARGV[1], 'e', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`;

const SET_IF_ABSENT_SCRIPT = `
local expiresAt = tonumber(redis.call('HGET', KEYS[1], 'e'))
if expiresAt and expiresAt > tonumber(ARGV[1]) then return 0 end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'v', ARGV[2], 'e', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1`;

const GET_SCRIPT = `
local entry = redis.call('HMGET', KEYS[1], 'v', 'e')
local expiresAt = tonumber(entry[2])
if entry[1] and expiresAt and expiresAt > tonumber(ARGV[1]) then return entry[1] end
return false`;

const CONSUME_SCRIPT = `
local entry = redis.call('HMGET', KEYS[1], 'v', 'e')
if not entry[1] then return false end
redis.call('DEL', KEYS[1])
local expiresAt = tonumber(entry[2])
if expiresAt and expiresAt > tonumber(ARGV[1]) then return entry[1] end
return false`;

// KEYS[1] the entry, KEYS[2] its marker: a live entry is taken and the marker set until the entry's own
// expiry plus ARGV[2] ms, in one step, so "already used" can be told from "never existed" afterwards.
const CONSUME_MARKING_SCRIPT = `
local entry = redis.call('HMGET', KEYS[1], 'v', 'e')
if not entry[1] then return false end
redis.call('DEL', KEYS[1])
local expiresAt = tonumber(entry[2])
if not expiresAt or expiresAt <= tonumber(ARGV[1]) then return false end
local markerExpiresAt = expiresAt + tonumber(ARGV[2])
redis.call('DEL', KEYS[2])
redis.call('HSET', KEYS[2], 'v', '1', 'e', string.format('%d', markerExpiresAt))
redis.call('PEXPIRE', KEYS[2], math.max(1, markerExpiresAt - tonumber(ARGV[1])) + tonumber(ARGV[3]))
return entry[1]`;

// Any number of keys; a missing or expired value (or a key that holds a counter or bucket) is false.
const GET_MANY_SCRIPT = `
local now = tonumber(ARGV[1])
local values = {}
for i, name in ipairs(KEYS) do
  local entry = redis.call('HMGET', name, 'v', 'e')
  local expiresAt = tonumber(entry[2])
  if entry[1] and expiresAt and expiresAt > now then values[i] = entry[1] else values[i] = false end
end
return values`;

const INCREMENT_SCRIPT = `
local entry = redis.call('HMGET', KEYS[1], 'c', 'e')
local windowEndsAt = tonumber(entry[2])
if entry[1] and windowEndsAt and windowEndsAt > tonumber(ARGV[1]) then
  local count = redis.call('HINCRBY', KEYS[1], 'c', 1)
  if ARGV[4] == '1' then
    redis.call('HSET', KEYS[1], 'e', ARGV[2])
    redis.call('PEXPIRE', KEYS[1], ARGV[3])
  end
  return count
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'c', 1, 'e', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`;

// KEYS: the gates. ARGV[1] now, ARGV[2] '1' for a dry run, ARGV[3] GC grace ms, then per gate: window ms,
// limit (-1 for none), lock seconds by count (comma-separated). Fields: c count, e window end, l locked
// until. Returns {1, then per gate: count, lock set, window end set, window end replaced (0 if none)}
// or {0, index of the refusing gate, locked until ms (0 when full rather than locked)}.
const TAKE_ATTEMPT_SCRIPT = `
local now = tonumber(ARGV[1])
local gcGraceMs = tonumber(ARGV[3])
local counts = {}
local previousEnds = {}
for i, name in ipairs(KEYS) do
  local base = 3 + (i - 1) * 3
  local limit = tonumber(ARGV[base + 2])
  local entry = redis.call('HMGET', name, 'c', 'e', 'l')
  local count = tonumber(entry[1]) or 0
  local windowEndsAt = tonumber(entry[2]) or 0
  local lockedUntil = tonumber(entry[3]) or 0
  if windowEndsAt <= now then
    count = 0
    lockedUntil = 0
    windowEndsAt = 0
  end
  if lockedUntil > now then return {0, i - 1, lockedUntil} end
  if limit >= 0 and count >= limit then return {0, i - 1, 0} end
  counts[i] = count
  previousEnds[i] = windowEndsAt
end
local result = {1}
if ARGV[2] == '1' then
  for i = 1, #KEYS do
    result[#result + 1] = counts[i]
    result[#result + 1] = 0
    result[#result + 1] = 0
    result[#result + 1] = 0
  end
  return result
end
for i, name in ipairs(KEYS) do
  local base = 3 + (i - 1) * 3
  local windowMs = tonumber(ARGV[base + 1])
  local count = counts[i] + 1
  local lockTable = {}
  for seconds in string.gmatch(ARGV[base + 3], '[^,]+') do lockTable[#lockTable + 1] = tonumber(seconds) end
  local lockedUntil = 0
  if #lockTable > 0 then
    local lockSeconds = lockTable[math.min(count, #lockTable - 1) + 1]
    if lockSeconds > 0 then lockedUntil = now + lockSeconds * 1000 end
  end
  redis.call('DEL', name)
  redis.call('HSET', name, 'c', count, 'e', string.format('%d', now + windowMs), 'l', string.format('%d', lockedUntil))
  redis.call('PEXPIRE', name, windowMs + gcGraceMs)
  result[#result + 1] = count
  result[#result + 1] = lockedUntil
  result[#result + 1] = now + windowMs
  result[#result + 1] = previousEnds[i]
end
return result`;

// As TAKE_ATTEMPT_SCRIPT, with one key more after the gates: a value set as SET_SCRIPT sets it (the last
// three ARGV: the value, its expiry, PEXPIRE ms), only when the gates allow and in the same step.
const TAKE_ATTEMPT_THEN_SET_SCRIPT = `
local gates = {}
for i = 1, #KEYS - 1 do gates[i] = KEYS[i] end
local function takeAttempt()${TAKE_ATTEMPT_SCRIPT.replaceAll("KEYS", "gates")}
end
local result = takeAttempt()
if result[1] == 1 then
  local valueKey = KEYS[#KEYS]
  redis.call('DEL', valueKey)
  redis.call('HSET', valueKey, 'v', ARGV[#ARGV - 2], 'e', ARGV[#ARGV - 1])
  redis.call('PEXPIRE', valueKey, ARGV[#ARGV])
end
return result`;

// KEYS[1] a value, KEYS[2] its marker, then the gates; ARGV as TAKE_ATTEMPT_SCRIPT's (dry run '0'), then the
// marker's extra ms. Counts nothing unless the value is live ({-1}); takes nothing unless the gates allow
// (TAKE_ATTEMPT_SCRIPT's refusal, the value left); else consumes it as CONSUME_MARKING_SCRIPT does and
// returns TAKE_ATTEMPT_SCRIPT's answer with the value appended.
const CONSUME_TAKING_ATTEMPT_SCRIPT = `
local entry = redis.call('HMGET', KEYS[1], 'v', 'e')
local expiresAt = tonumber(entry[2])
if not entry[1] or not expiresAt or expiresAt <= tonumber(ARGV[1]) then return {-1} end
local gates = {}
for i = 3, #KEYS do gates[i - 2] = KEYS[i] end
local function takeAttempt()${TAKE_ATTEMPT_SCRIPT.replaceAll("KEYS", "gates")}
end
local result = takeAttempt()
if result[1] ~= 1 then return result end
redis.call('DEL', KEYS[1])
local markerExpiresAt = expiresAt + tonumber(ARGV[#ARGV])
redis.call('DEL', KEYS[2])
redis.call('HSET', KEYS[2], 'v', '1', 'e', string.format('%d', markerExpiresAt))
redis.call('PEXPIRE', KEYS[2], math.max(1, markerExpiresAt - tonumber(ARGV[1])) + tonumber(ARGV[3]))
result[#result + 1] = entry[1]
return result`;

// KEYS: the gates; ARGV[1] now, ARGV[2] GC grace ms, then per gate: the lock its attempt set, the window
// end it set and the one it replaced (0 for none; -1 for "leave the window").
const GIVE_BACK_ATTEMPT_SCRIPT = `
local now = tonumber(ARGV[1])
local gcGraceMs = tonumber(ARGV[2])
for i, name in ipairs(KEYS) do
  local base = 2 + (i - 1) * 3
  local entry = redis.call('HMGET', name, 'c', 'e', 'l')
  local count = tonumber(entry[1])
  local windowEndsAt = tonumber(entry[2]) or 0
  if count and windowEndsAt > now then
    count = math.max(0, count - 1)
    local setLock = tonumber(ARGV[base + 1])
    local setEnd = tonumber(ARGV[base + 2])
    local previousEnd = tonumber(ARGV[base + 3])
    if setLock > 0 and tonumber(entry[3]) == setLock then redis.call('HSET', name, 'l', 0) end
    if setEnd > 0 and windowEndsAt == setEnd and previousEnd <= now and count == 0 then
      redis.call('DEL', name)
    else
      redis.call('HSET', name, 'c', count)
      if setEnd > 0 and windowEndsAt == setEnd and previousEnd > now then
        redis.call('HSET', name, 'e', string.format('%d', previousEnd))
        redis.call('PEXPIRE', name, previousEnd - now + gcGraceMs)
      end
    end
  end
end
return 1`;

// Returns {allowed (0|1), retryAfterSeconds}. The epsilon keeps a float refill that lands a hair
// under a whole token (0.1/s over 10 s) usable; it must match the memory adapter's.
const TAKE_TOKEN_SCRIPT = `
local now = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local refillPerSecond = tonumber(ARGV[3])
local gcGraceMs = tonumber(ARGV[4])
local epsilon = 1e-9
local entry = redis.call('HMGET', KEYS[1], 't', 'u', 'e')
local tokens = tonumber(entry[1])
local updatedAt = tonumber(entry[2])
local expiresAt = tonumber(entry[3])
if not tokens or not updatedAt or not expiresAt or expiresAt <= now then
  tokens = capacity
  updatedAt = now
end
tokens = math.min(capacity, tokens + math.max(0, now - updatedAt) / 1000 * refillPerSecond)
local allowed = 0
local retryAfterSeconds = 0
if tokens + epsilon >= 1 then
  allowed = 1
  tokens = math.max(0, tokens - 1)
else
  retryAfterSeconds = math.ceil((1 - tokens) / refillPerSecond - epsilon)
end
local fullAgainInMs = math.max(1, math.ceil((capacity - tokens) / refillPerSecond * 1000))
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 't', string.format('%.17g', tokens), 'u', ARGV[1], 'e', string.format('%.17g', now + fullAgainInMs))
redis.call('PEXPIRE', KEYS[1], fullAgainInMs + gcGraceMs)
return {allowed, retryAfterSeconds}`;

/** Each script with the number of keys it takes (null: any number; the store defines one command per count). */
export const SCRIPTS = {
  gwSet: [SET_SCRIPT, 1],
  gwSetIfAbsent: [SET_IF_ABSENT_SCRIPT, 1],
  gwGet: [GET_SCRIPT, 1],
  gwConsume: [CONSUME_SCRIPT, 1],
  gwConsumeMarking: [CONSUME_MARKING_SCRIPT, 2],
  gwGetMany: [GET_MANY_SCRIPT, null],
  gwIncrement: [INCREMENT_SCRIPT, 1],
  gwTakeToken: [TAKE_TOKEN_SCRIPT, 1],
  gwTakeAttempt: [TAKE_ATTEMPT_SCRIPT, null],
  gwTakeAttemptThenSet: [TAKE_ATTEMPT_THEN_SET_SCRIPT, null],
  gwConsumeTakingAttempt: [CONSUME_TAKING_ATTEMPT_SCRIPT, null],
  gwGiveBackAttempt: [GIVE_BACK_ATTEMPT_SCRIPT, null],
} as const;

namespace PeerRooms.Server.State.Redis;

/// <summary>
/// The Lua scripts behind <see cref="RedisPresenceStore"/>. Each runs atomically inside Redis, so two
/// nodes joining the last seat or the same name at once cannot both win. Every script takes the
/// same five room-scoped keys (one hash slot thanks to the <c>{roomId}</c> hash tag):
/// <list type="number">
/// <item>roster: userId → participant JSON</item>
/// <item>names: upper-cased display name → userId (the uniqueness index)</item>
/// <item>nameOf: userId → upper-cased display name (to clean the index up)</item>
/// <item>conns: connectionId → userId "\n" nodeId</item>
/// <item>counts: userId → number of connections</item>
/// </list>
/// </summary>
internal static class RedisPresenceScripts
{
    /// <summary>Removes a user's participant record and name; returns the record (or false).</summary>
    private const string RemoveUserFunction = """
        local function remove_user(user)
          redis.call('HDEL', KEYS[5], user)
          local json = redis.call('HGET', KEYS[1], user)
          local up = redis.call('HGET', KEYS[3], user)
          if up and redis.call('HGET', KEYS[2], up) == user then redis.call('HDEL', KEYS[2], up) end
          redis.call('HDEL', KEYS[3], user)
          redis.call('HDEL', KEYS[1], user)
          return json
        end
        """;

    /// <summary>ARGV: userId, participantJson, upperName, connectionId, conn value, capacity. Returns {status, json}: 1 new, 0 existing, -1 full, -2 name taken.</summary>
    public const string Join = """
        local existing = redis.call('HGET', KEYS[1], ARGV[1])
        if existing then
          if redis.call('HSETNX', KEYS[4], ARGV[4], ARGV[5]) == 1 then redis.call('HINCRBY', KEYS[5], ARGV[1], 1) end
          return {0, existing}
        end
        if redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[6]) then return {-1, ''} end
        local holder = redis.call('HGET', KEYS[2], ARGV[3])
        if holder and holder ~= ARGV[1] then return {-2, ''} end
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        redis.call('HSET', KEYS[2], ARGV[3], ARGV[1])
        redis.call('HSET', KEYS[3], ARGV[1], ARGV[3])
        redis.call('HSET', KEYS[4], ARGV[4], ARGV[5])
        redis.call('HSET', KEYS[5], ARGV[1], 1)
        return {1, ARGV[2]}
        """;

    /// <summary>ARGV: userId, connectionId. Returns the participant JSON when that was their last connection.</summary>
    public const string Leave = RemoveUserFunction + """

        local v = redis.call('HGET', KEYS[4], ARGV[2])
        if not v then return false end
        local prefix = ARGV[1] .. '\n'
        if string.sub(v, 1, #prefix) ~= prefix then return false end
        redis.call('HDEL', KEYS[4], ARGV[2])
        if redis.call('HINCRBY', KEYS[5], ARGV[1], -1) > 0 then return false end
        return remove_user(ARGV[1])
        """;

    /// <summary>ARGV: userId. Removes the participant and all their connections; returns the JSON or false.</summary>
    public const string Remove = RemoveUserFunction + """

        local all = redis.call('HGETALL', KEYS[4])
        local prefix = ARGV[1] .. '\n'
        for i = 1, #all, 2 do
          if string.sub(all[i + 1], 1, #prefix) == prefix then redis.call('HDEL', KEYS[4], all[i]) end
        end
        return remove_user(ARGV[1])
        """;

    /// <summary>
    /// ARGV: nodeId. Removes every connection the node held; returns the JSON of each participant
    /// who thereby left. Only one caller can see a given participant leave, so a ParticipantLeft
    /// event is broadcast once even when several nodes sweep at once.
    /// </summary>
    public const string RemoveNode = RemoveUserFunction + """

        local all = redis.call('HGETALL', KEYS[4])
        local suffix = '\n' .. ARGV[1]
        local left = {}
        for i = 1, #all, 2 do
          local v = all[i + 1]
          if #v > #suffix and string.sub(v, -#suffix) == suffix then
            local user = string.sub(v, 1, #v - #suffix)
            redis.call('HDEL', KEYS[4], all[i])
            if redis.call('HINCRBY', KEYS[5], user, -1) <= 0 then
              local json = remove_user(user)
              if json then left[#left + 1] = json end
            end
          end
        end
        return left
        """;

    /// <summary>ARGV: userId, expected JSON, new JSON, new upper-cased name. Returns 1 done, 0 absent, -1 changed meanwhile (retry).</summary>
    public const string Update = """
        local cur = redis.call('HGET', KEYS[1], ARGV[1])
        if not cur then return 0 end
        if cur ~= ARGV[2] then return -1 end
        local old = redis.call('HGET', KEYS[3], ARGV[1])
        if old ~= ARGV[4] then
          if old and redis.call('HGET', KEYS[2], old) == ARGV[1] then redis.call('HDEL', KEYS[2], old) end
          redis.call('HSET', KEYS[2], ARGV[4], ARGV[1])
          redis.call('HSET', KEYS[3], ARGV[1], ARGV[4])
        end
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
        return 1
        """;
}

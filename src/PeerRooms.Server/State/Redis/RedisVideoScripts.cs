namespace PeerRooms.Server.State.Redis;

/// <summary>
/// Lua for <see cref="RedisVideoSessionStore"/>: one hash per room (KEYS[1], user id → member JSON
/// with short names u/p/a/v/w/s/n), every change read-modify-written inside one script so the mesh
/// cap holds across nodes. <see cref="Grant"/> is <see cref="Core.Video.VideoPublishingRules"/> in Lua;
/// keep the two in step (the store contract tests run the same cases against both).
/// </summary>
internal static class RedisVideoScripts
{
    private const string Grant = """
        local function load_all(key)
          local all = {}
          for _, raw in ipairs(redis.call('HVALS', key)) do all[#all + 1] = cjson.decode(raw) end
          return all
        end
        local function save(key, m, ttl)
          redis.call('HSET', key, m.u, cjson.encode(m))
          redis.call('PEXPIRE', key, ttl)
        end
        -- Grants video to me (who wants it) if a slot is free, or, when me is spotlighted, by taking
        -- the slot of the most recently granted non-spotlighted publisher. Returns that publisher.
        local function grant(me, all, max)
          if me.v or not me.w then return nil end
          local next_order, count, victim = me.n, 0, nil
          for _, o in ipairs(all) do
            if o.u ~= me.u then
              if o.n > next_order then next_order = o.n end
              if o.v then
                count = count + 1
                if not o.s and (victim == nil or o.n > victim.n or (o.n == victim.n and o.u > victim.u)) then victim = o end
              end
            end
          end
          next_order = next_order + 1
          if count < max then me.v = true; me.n = next_order; return nil end
          if not me.s or victim == nil then return nil end
          victim.v = false; me.v = true; me.n = next_order
          return victim
        end

        """;

    /// <summary>ARGV: userId, candidate JSON, max, ttl ms. Returns { isNew, memberJson, allJson... }.</summary>
    public const string Join = Grant + """
        local cur = redis.call('HGET', KEYS[1], ARGV[1])
        local is_new = 0
        local me
        if cur then
          me = cjson.decode(cur)
        else
          is_new = 1
          me = cjson.decode(ARGV[2]); me.v = false; me.s = false
          grant(me, load_all(KEYS[1]), tonumber(ARGV[3]))
          save(KEYS[1], me, ARGV[4])
        end
        local out = { is_new, cjson.encode(me) }
        for _, raw in ipairs(redis.call('HVALS', KEYS[1])) do out[#out + 1] = raw end
        return out
        """;

    /// <summary>ARGV: userId, participantId ('' = any). Returns the removed member's JSON or nil.</summary>
    public const string Leave = """
        local cur = redis.call('HGET', KEYS[1], ARGV[1])
        if not cur then return nil end
        if ARGV[2] ~= '' and cjson.decode(cur).p ~= ARGV[2] then return nil end
        redis.call('HDEL', KEYS[1], ARGV[1])
        return cur
        """;

    /// <summary>ARGV: userId, audio ('1'/'0'/'' = unchanged), video (same), max, ttl ms. Returns nil or { memberJson, demotedJson? }.</summary>
    public const string Publish = Grant + """
        local cur = redis.call('HGET', KEYS[1], ARGV[1])
        if not cur then return nil end
        local me = cjson.decode(cur)
        if ARGV[2] ~= '' then me.a = (ARGV[2] == '1') end
        if ARGV[3] ~= '' then me.w = (ARGV[3] == '1') end
        if ARGV[3] == '0' then me.v = false end
        local victim = nil
        if ARGV[3] == '1' then victim = grant(me, load_all(KEYS[1]), tonumber(ARGV[4])) end
        save(KEYS[1], me, ARGV[5])
        local out = { cjson.encode(me) }
        if victim then save(KEYS[1], victim, ARGV[5]); out[2] = cjson.encode(victim) end
        return out
        """;

    /// <summary>ARGV: userId, on ('1'/'0'), mayPublishVideo ('1'/'0'), max, ttl ms. Returns nil or { memberJson, demotedJson? }.</summary>
    public const string Spotlight = Grant + """
        local cur = redis.call('HGET', KEYS[1], ARGV[1])
        if not cur then return nil end
        local me = cjson.decode(cur)
        me.s = (ARGV[2] == '1')
        local victim = nil
        if me.s and ARGV[3] == '1' then victim = grant(me, load_all(KEYS[1]), tonumber(ARGV[4])) end
        save(KEYS[1], me, ARGV[5])
        local out = { cjson.encode(me) }
        if victim then save(KEYS[1], victim, ARGV[5]); out[2] = cjson.encode(victim) end
        return out
        """;
}

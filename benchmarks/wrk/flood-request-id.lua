-- GET /items/0 with an X-Request-Id the starter refuses (and replaces): a random bad id per request (a character
-- outside the allowed set, or too long), or with "fixed" as the script argument always the same bad one.
local fixed = false
local bad = { " ", "\"", "<", ">", "{", "}", "|", "\\", "^", "`", ";", ",", "%" }
local allowed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"

function init(args)
  fixed = args[1] == "fixed"
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end

local function id()
  local long = math.random(1, 5) == 1
  local n = long and math.random(129, 300) or math.random(4, 60)
  local out = {}
  for i = 1, n do
    local k = math.random(1, #allowed)
    out[i] = allowed:sub(k, k)
  end
  if not long then
    out[math.random(2, n - 1)] = bad[math.random(1, #bad)]
  end
  return table.concat(out)
end

function request()
  local value = fixed and "bad id {0}" or id()
  return wrk.format("GET", nil, { ["X-Request-Id"] = value })
end

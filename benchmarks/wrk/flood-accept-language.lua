-- GET /items/0 (a typed 404, whose message is localised) with an Accept-Language header: a random list of
-- language ranges per request, or with "fixed" as the script argument always the same one.
local fixed = false
local letters = "abcdefghijklmnopqrstuvwxyz"

function init(args)
  fixed = args[1] == "fixed"
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end

local function word(min, max)
  local n = math.random(min, max)
  local out = {}
  for i = 1, n do
    local k = math.random(1, #letters)
    out[i] = letters:sub(k, k)
  end
  return table.concat(out)
end

function request()
  local value
  if fixed then
    value = "fr-CH,fr;q=0.9,en;q=0.8"
  else
    value = word(2, 3) .. "-" .. word(2, 4):upper() .. "," .. word(2, 8) .. ";q=0.9," .. word(2, 3) .. "-x-" .. word(1, 8) .. ";q=0.8"
  end
  return wrk.format("GET", nil, { ["Accept-Language"] = value })
end

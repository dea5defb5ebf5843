-- Unknown routes: a random path per request, or with "fixed" as the script argument always the same one.
local fixed = false
local alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~"

function init(args)
  fixed = args[1] == "fixed"
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end

local function segment()
  local n = math.random(1, 12)
  local out = {}
  for i = 1, n do
    local k = math.random(1, #alphabet)
    out[i] = alphabet:sub(k, k)
  end
  return table.concat(out)
end

function request()
  if fixed then
    return wrk.format("GET", "/no/such/route")
  end
  local parts = {}
  for i = 1, math.random(1, 4) do
    parts[i] = segment()
  end
  local path = "/" .. table.concat(parts, "/")
  if math.random(1, 4) == 1 then
    path = path .. ".php"
  end
  return wrk.format("GET", path)
end

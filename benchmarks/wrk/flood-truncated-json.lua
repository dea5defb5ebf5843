-- POST /items with a body cut short at the same place: random letters and digits of the same length per request,
-- or with "fixed" as the script argument always the same one, so both fail the same way after the same bytes.
local fixed = false
local letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

function init(args)
  fixed = args[1] == "fixed"
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end

local function name()
  local out = {}
  for i = 1, 6 do
    local k = math.random(1, #letters)
    out[i] = letters:sub(k, k)
  end
  return table.concat(out)
end

function request()
  local body
  if fixed then
    body = '{"name":"Widget","priceCents":12'
  else
    body = '{"name":"' .. name() .. '","priceCents":' .. math.random(10, 99)
  end
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end

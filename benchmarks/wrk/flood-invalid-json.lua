-- POST /items with a body that is not JSON: a random broken document per request (cut short, a stray token,
-- an unknown literal, a bad escape, deep nesting...), or with "fixed" as the script argument always the same one.
local fixed = false
local valid = '{"name":"Widget","priceCents":1250,"currency":"EUR"}'
local breaks = {
  function() return valid:sub(1, math.random(1, #valid - 1)) end,
  function() local i = math.random(2, #valid - 1); return valid:sub(1, i) .. string.char(math.random(33, 126)) .. valid:sub(i + 1) end,
  function() return '{"name":' .. ({ "tru", "nul", "NaN", "undefined", "'x'", "0x1F" })[math.random(1, 6)] .. '}' end,
  function() return '{"name":"a\\' .. string.char(math.random(97, 122)) .. math.random(1, 999) .. '"}' end,
  function() return string.rep("[", math.random(1, 2000)) end,
  function() return '{"priceCents":' .. math.random(1, 9) .. string.rep("9", math.random(1, 60)) .. 'e' .. math.random(1, 99999) .. '}' end,
  function() return '{"' .. math.random() .. '":' .. math.random() .. ',,}' end,
}

function init(args)
  fixed = args[1] == "fixed"
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end

function request()
  local body = fixed and '{"name":"Widget","priceCents":12' or breaks[math.random(1, #breaks)]()
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end

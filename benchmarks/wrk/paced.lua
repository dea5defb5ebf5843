-- Waits WRK_DELAY_MS milliseconds (from the environment; 0 when unset) before each request on a connection, so that
-- a few connections make a light load whose rate hardly depends on how fast the server answers.
local pause = tonumber(os.getenv("WRK_DELAY_MS") or "0") or 0

function delay()
  return pause
end

-- Prints one machine-readable line after the run: requests, seconds, non-2xx/3xx responses, socket errors.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %.3f %d %d\n", summary.requests, summary.duration / 1e6, e.status,
    e.connect + e.read + e.write + e.timeout))
end

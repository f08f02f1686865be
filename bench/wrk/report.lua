-- Prints one machine-readable line at the end of a wrk run, read by bench/run.sh:
-- RESULT <requests/s> <p99 latency ms> <socket errors> <non-2xx/3xx responses> <requests>
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.2f %.3f %d %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.timeout,
    e.status,
    summary.requests))
end

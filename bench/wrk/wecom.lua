-- wrk driver for the WeCom callback: posts the pre-signed callbacks of callbacks.txt (written by
-- tuangou.bench.WeComLoad), each once, in order, and reports answers per second and latency.
-- Each wrk thread runs its own copy of this script: thread k of n (WRK_THREADS, default 2, as wrk's
-- -t) posts lines k, k+n, k+2n, ..., so that no callback is posted twice.
local lines = {}
for line in io.lines("callbacks.txt") do lines[#lines + 1] = line end
local of = tonumber(os.getenv("WRK_THREADS") or "2")
local counter = 0
next_thread = 0
me = 0

setup = function(thread)
  thread:set("me", next_thread)
  next_thread = next_thread + 1
end

request = function()
  local line = lines[((counter * of + me) % #lines) + 1]
  counter = counter + 1
  local tab = line:find("\t", 1, true)
  return wrk.format("POST", "/wecom/callback?" .. line:sub(1, tab - 1), {["content-type"] = "text/xml"},
    line:sub(tab + 1))
end

done = function(summary, latency, requests)
  io.write(string.format("callbacks %d, non-2xx %d, %.0f answered/s\n", summary.requests, summary.errors.status,
    summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50 %.1f ms, p99 %.1f ms, max %.1f ms\n", latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end

-- wrk script: requests from a list of paths (BENCH_PATHS file, one per line, taken in turn per thread),
-- and one JSON line at the end with throughput, latency percentiles and error counts.
local paths = {}
local n = 0

function init(args)
  local file = os.getenv("BENCH_PATHS")
  if file then
    for line in io.lines(file) do
      if line ~= "" then table.insert(paths, line) end
    end
  end
  n = math.random(1, math.max(1, #paths))
end

function request()
  if #paths == 0 then return wrk.format() end
  n = n % #paths + 1
  return wrk.format(nil, paths[n])
end

function done(summary, latency, requests)
  local s = summary.duration / 1e6
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"rps":%.1f,"p50":%.2f,"p95":%.2f,"p99":%.2f,"max":%.2f,' ..
    '"non2xx":%d,"timeouts":%d,"connect":%d,"read":%d,"write":%d}\n',
    summary.requests, s, summary.requests / s,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.status, summary.errors.timeout, summary.errors.connect, summary.errors.read, summary.errors.write))
end

-- wrk script for the survey link bench (survey_answer_bench.py): each request answers a fresh one-time link
-- (token "bench" + 38 digits, from BENCH_BASE up, threads interleaved) as a respondent at its own address
-- (X-Forwarded-For from the trusted local proxy, as nginx would send it: many clients, not one flooding one).
-- Prints one JSON line: throughput, latency percentiles and the count of each status.
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  base = tonumber(os.getenv("BENCH_BASE") or "0")
  stride = tonumber(os.getenv("BENCH_THREADS") or "1")
  n = 0
  statuses = {}
  local f = io.open(os.getenv("BENCH_BODY"), "r")
  body = f:read("*a")
  f:close()
end

function request()
  local k = base + id + n * stride
  n = n + 1
  local ip = string.format("10.%d.%d.%d", math.floor(k / 65536) % 256, math.floor(k / 256) % 256, k % 256)
  return wrk.format("POST", string.format("/api/public/surveys/bench%038d", k),
    { ["Content-Type"] = "application/json", ["X-Forwarded-For"] = ip, ["Accept-Language"] = "zh-CN" }, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local counts = {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    for code, c in pairs(s) do counts[code] = (counts[code] or 0) + c end
  end
  local parts = {}
  for code, c in pairs(counts) do table.insert(parts, string.format('"%d":%d', code, c)) end
  local s = summary.duration / 1e6
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"rps":%.1f,"p50":%.2f,"p95":%.2f,"p99":%.2f,"max":%.2f,"timeouts":%d,' ..
    '"connect":%d,"read":%d,"statuses":{%s}}\n',
    summary.requests, s, summary.requests / s, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.errors.timeout, summary.errors.connect,
    summary.errors.read, table.concat(parts, ",")))
end

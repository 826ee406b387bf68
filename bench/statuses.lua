-- Included by the wrk scripts: counts the answers by status and prints "status N: count" lines at the end
-- (wrk itself only says how many were not 2xx or 3xx).
local threads = {}
function setup(thread) table.insert(threads, thread) end
statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for s, n in pairs(t:get("statuses")) do total[s] = (total[s] or 0) + n end
  end
  for s, n in pairs(total) do
    if s >= 300 then io.write(string.format("status %d: %d\n", s, n)) end
  end
end

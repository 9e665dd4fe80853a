-- wrk script for the Latchkey benches: one request shape, the body optionally taken line by line
-- from a file (each line used once, in order, then wrapping around), and a JSON summary at the end.
-- args: METHOD PATH CONTENT_TYPE AUTHORIZATION BODY_FILE   ("-" for none)
local method, path, headers, bodies, n = "GET", "/", {}, {}, 0

function init(args)
  method = args[1] or "GET"
  path = args[2] or "/"
  if args[3] and args[3] ~= "-" then headers["Content-Type"] = args[3] end
  if args[4] and args[4] ~= "-" then headers["Authorization"] = args[4] end
  if args[5] and args[5] ~= "-" then
    for line in io.lines(args[5]) do bodies[#bodies + 1] = line end
  end
end

function request()
  local body = nil
  if #bodies > 0 then
    n = n + 1
    body = bodies[(n - 1) % #bodies + 1]
  end
  return wrk.format(method, path, headers, body)
end

function done(summary, latency, requests)
  io.write(string.format(
    'WRKJSON {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"non2xx":%d,"errors":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end

-- wrk script for `make bench` (bench/run.py): what each run requests, what counts as an error, and one JSON
-- line of results at the end.
--
-- Arguments, after `--` on wrk's command line, each optional:
--   paths=FILE          request the paths listed in FILE (one a line) in turn instead of the URL's path,
--                       so that a page not served from a cache is not always the same row of the database
--   if-none-match=ETAG  send this If-None-Match header (the conditional GET row)
-- and in the environment, BENCH_EXPECT=304: the only status that counts as a success. Without it, any 2xx or
-- 3xx does, and wrk counts the others itself.

-- Each wrk thread has its own Lua state: `setup` (in the main state) keeps the threads so that `done` can add
-- up their counts.
local threads = {}

function setup(thread)
   table.insert(threads, thread)
   thread:set("number", #threads)
end

local requests = {}
local next_request = 1

function init(args)
   local options = {}
   for _, arg in ipairs(args) do
      local key, value = arg:match("^([%w-]+)=(.*)$")
      if key then
         options[key] = value
      end
   end
   if options["if-none-match"] then
      wrk.headers["If-None-Match"] = options["if-none-match"]
   end
   -- Every request is formatted once here, so that the load generator spends its time sending them.
   if options["paths"] then
      for path in io.lines(options["paths"]) do
         if path ~= "" then
            table.insert(requests, wrk.format(nil, path))
         end
      end
      -- Each thread starts at another place in the list, so that the threads do not ask for the same page at
      -- the same moment (`number` is set by `setup`, which wrk calls before `init`).
      next_request = ((number - 1) * 37) % #requests + 1
   else
      table.insert(requests, wrk.format())
   end
end

function request()
   local chosen = requests[next_request]
   next_request = next_request % #requests + 1
   return chosen
end

-- wrk hands every response to Lua only when a `response` function exists when the script is loaded, and that
-- is slow: so there is one only when a particular status is expected.
local expect = tonumber(os.getenv("BENCH_EXPECT") or "")
unexpected = 0
if expect then
   function response(status, headers, body)
      if status ~= expect then
         unexpected = unexpected + 1
      end
   end
end

function done(summary, latency, requests_done)
   local errors = summary.errors
   -- wrk's own count of statuses above 399, or ours of every status but the expected one.
   local wrong_status = errors.status
   if expect then
      wrong_status = 0
      for _, thread in ipairs(threads) do
         wrong_status = wrong_status + thread:get("unexpected")
      end
   end
   local socket_errors = errors.connect + errors.read + errors.write + errors.timeout
   local seconds = summary.duration / 1e6
   io.write(string.format(
      'BENCH_RESULT {"requests": %d, "seconds": %.3f, "requests_per_second": %.2f, '
         .. '"p50_ms": %.3f, "p95_ms": %.3f, "p99_ms": %.3f, "socket_errors": %d, "wrong_status": %d, '
         .. '"errors": %d}\n',
      summary.requests,
      seconds,
      summary.requests / seconds,
      latency:percentile(50) / 1000,
      latency:percentile(95) / 1000,
      latency:percentile(99) / 1000,
      socket_errors,
      wrong_status,
      socket_errors + wrong_status
   ))
end

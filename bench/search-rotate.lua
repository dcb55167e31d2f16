-- wrk script of bench/search-http.sh: each request is the next query of bench/search-queries.tsv
-- (every kind, the "typing" ones too, all to GET /api/v1/search), each thread starting at its own
-- place in the mix so the threads do not ask the same query at the same moment. wrk itself
-- counts answers other than 2xx/3xx ("Non-2xx or 3xx responses"); the script fails the run on any.
-- Settings (environment): BENCH_QUERIES (the query file), BENCH_PATH (default /api/v1/search).

local function encode(text)
  return (text:gsub("[^%w%-%._~]", function(c)
    return string.format("%%%02X", string.byte(c))
  end))
end

local base = os.getenv("BENCH_PATH") or "/api/v1/search"
local paths = {}
for line in io.lines(os.getenv("BENCH_QUERIES") or "bench/search-queries.tsv") do
  local query = line:match("^[^#][^\t]*\t(.*)$")
  if query then
    paths[#paths + 1] = base .. "?q=" .. encode(query)
  end
end

local threads = 0
local counter = 0

function setup(thread)
  thread:set("offset", threads * 97)
  threads = threads + 1
end

function init(args)
  counter = offset or 0
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

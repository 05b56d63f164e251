-- wrk script for scripts/bench-vs-wrk.sh: sends the requests of a file written by `bench --traffic-out`, in order
-- and round and round, as the bench's capacity run does; thread i of n starts i/n of the way through the file.
-- Usage: TRAFFIC=file wrk -t2 ... -s scripts/bench-vs-wrk.lua URL -- <threads>
local lines = {}
for line in io.lines(os.getenv("TRAFFIC")) do
  lines[#lines + 1] = line
end

local created = 0
function setup(thread)
  thread:set("id", created)
  created = created + 1
end

function init(args)
  local threads = tonumber(args[1])
  requests = {}
  for i, line in ipairs(lines) do
    local method, path, body = line:match("^(%S+) (%S+) ?(.*)$")
    if body == "" then
      requests[i] = wrk.format(method, path)
    else
      local headers = {}
      for name, value in pairs(wrk.headers) do
        headers[name] = value
      end
      headers["Content-Type"] = "application/json"
      requests[i] = wrk.format(method, path, headers, body)
    end
  end
  nextIndex = 1 + math.floor(#requests * id / threads)
end

function request()
  local r = requests[nextIndex]
  nextIndex = nextIndex % #requests + 1
  return r
end

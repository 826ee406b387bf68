-- wrk script of bench/scale.sh: every request is a random line of the file named by REQS,
-- "METHOD<TAB>PATH<TAB>TOKEN<TAB>BODY" (TOKEN and BODY may be empty), formatted once per thread at start
-- (in init: only then does wrk.format add the Host header).
local requests = {}
local count = 0

init = function(args)
  for line in io.lines(os.getenv("REQS")) do
    local method, path, token, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t?(.*)$")
    local headers = {}
    if token ~= "" then headers["Authorization"] = "Bearer " .. token end
    if body ~= "" then headers["Content-Type"] = "application/json" else body = nil end
    requests[#requests + 1] = wrk.format(method, path, headers, body)
  end
  count = #requests
  -- each wrk thread has its own Lua state: seed each differently
  math.randomseed(os.time() + math.floor(os.clock() * 1000000) + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
end

request = function()
  return requests[math.random(count)]
end

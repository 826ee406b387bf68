-- wrk script: POST /api/v1/verifications/ofd of one sealed OFD file (env: TOKEN, OFD_FILE)
local f = assert(io.open(os.getenv("OFD_FILE"), "rb"))
local body = f:read("*a")
f:close()
local headers = { ["Content-Type"] = "application/ofd", ["Authorization"] = "Bearer " .. os.getenv("TOKEN") }
request = function()
  return wrk.format("POST", "/api/v1/verifications/ofd?purpose=%E5%9F%BA%E5%87%86%E6%B5%8B%E8%AF%95", headers, body)
end
dofile(os.getenv("BENCH_DIR") .. "/statuses.lua")

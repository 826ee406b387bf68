-- wrk script: POST /api/v1/copy-verifications of one 加注件 token (env: TOKEN the unit's bearer, COPY_TOKEN)
local body = string.format('{"token":"%s"}', os.getenv("COPY_TOKEN"))
local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("TOKEN") }
request = function()
  return wrk.format("POST", "/api/v1/copy-verifications", headers, body)
end
dofile(os.getenv("BENCH_DIR") .. "/statuses.lua")

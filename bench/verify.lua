-- wrk script: POST /api/v1/verifications of one proof by number + code (env: TOKEN, NUMBER, CODE)
local body = string.format('{"number":"%s","code":"%s","purpose":"基准测试"}', os.getenv("NUMBER"), os.getenv("CODE"))
local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("TOKEN") }
request = function()
  return wrk.format("POST", "/api/v1/verifications", headers, body)
end
dofile(os.getenv("BENCH_DIR") .. "/statuses.lua")

-- wrk script: POST /api/v1/proofs with a fresh subject each time (env: TOKEN, MATTER)
local counter = 0
local token = os.getenv("TOKEN")
local matter = os.getenv("MATTER")
local weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
local checks = {"1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"}

local function resident_id(n)
  local body = string.format("652801199%01d%02d%02d%03d", n % 10, (n % 12) + 1, (n % 28) + 1, n % 1000)
  local sum = 0
  for i = 1, 17 do sum = sum + tonumber(body:sub(i, i)) * weights[i] end
  return body .. checks[(sum % 11) + 1]
end

request = function()
  counter = counter + 1
  local body = string.format(
    '{"matterCode":"%s","subject":{"kind":"PERSON","name":"测试%d","id":"%s"},' ..
    '"claims":{"户籍地址":"新疆库尔勒市人民东路%d号"},"purpose":"基准测试"}', matter, counter, resident_id(counter), counter)
  return wrk.format("POST", "/api/v1/proofs", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
  }, body)
end
dofile(os.getenv("BENCH_DIR") .. "/statuses.lua")

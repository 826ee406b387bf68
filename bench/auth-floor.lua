-- wrk script: the authenticated floor, GET one department by primary key with a bearer token (env: TOKEN, DEPT)
local headers = { ["Authorization"] = "Bearer " .. os.getenv("TOKEN") }
local path = "/api/v1/departments/" .. os.getenv("DEPT")
request = function()
  return wrk.format("GET", path, headers)
end

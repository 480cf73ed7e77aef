-- wrk driver for the simulator: each request posts one resident message to one of the groups
-- listed in chats.txt (written by: java -DsetupOnly=chats.txt -cp bench/target/benchmarks.jar
-- tuangou.bench.SimLoad URL TOKEN GROUPS). A third of the messages re-post a growing chain.
local chats = {}
for line in io.lines("chats.txt") do chats[#chats + 1] = line end

local orders = {"苹果2斤", "蓝莓+1", "我要两斤苹果", "草莓x3", "鸡蛋1板", "5号 2串", "番茄3斤", "香焦1把",
  "车厘子1盒、蓝莓2盒", "牛奶250ml*24 1箱", "脐橙三斤半", "取消香蕉", "香蕉改成3把", "我的订单"}
local counter = 0

local function chain(n)
  local s = "#接龙 周二水果团\n明天中午12点截单\n"
  for i = 1, n do s = s .. i .. ". " .. i .. "-1-" .. (100 + i) .. " 住户" .. i .. " 苹果" .. (i % 5 + 1) .. "斤\n" end
  return s
end

request = function()
  counter = counter + 1
  local chat = chats[(counter % #chats) + 1]
  local sender = "r" .. (counter % 17)
  local text
  if counter % 3 == 0 then text = chain(math.floor(counter / #chats) % 20 + 1) else text = orders[(counter % #orders) + 1] end
  local body = string.format('{"sender": "%s", "name": "%s", "text": "%s"}', sender, sender,
    (text:gsub("\n", "\\n")))
  return wrk.format("POST", "/sim/groups/" .. chat .. "/messages", {["content-type"] = "application/json"}, body)
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d (non-2xx %d), %.0f messages/s\n", summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50 %.1f ms, p99 %.1f ms, max %.1f ms\n", latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end

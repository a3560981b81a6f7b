-- The registration burst: each request is a different person registering to one of
-- the burst's activities, signed in by a session made beforehand (bench/run.py).
-- Arguments: the sessions file, the paths file, the number of wrk threads, the CSRF
-- secret (sent as the cookie and as the form's token).
local threads = 0

function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

function init(args)
  sessions = {}
  for line in io.lines(args[1]) do sessions[#sessions + 1] = line end
  paths = {}
  for line in io.lines(args[2]) do paths[#paths + 1] = line end
  step = tonumber(args[3])
  token = args[4]
  n = id
end

function request()
  -- Every thread takes its own numbers, so no person asks twice for one activity; each
  -- request goes to the next activity, as a crowd spreads over a few.
  local path = paths[(n % #paths) + 1]
  local person = sessions[(math.floor(n / #paths) % #sessions) + 1]
  n = n + step
  local headers = {
    ["Cookie"] = "sessionid=" .. person .. "; csrftoken=" .. token,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }
  return wrk.format("POST", path, headers, "csrfmiddlewaretoken=" .. token)
end

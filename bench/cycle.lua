-- Ask for a different path on every request. Arguments: the file of paths (one a
-- line), the number of wrk threads, and "beacon" to send each as a read beacon
-- (an empty POST) from a distinct reader (an address, in X-Real-IP as nginx
-- passes it on) so that every one is counted.
local paths = {}
local thread_count = 0
local counter = 0

function setup(thread)
   thread:set("thread_number", thread_count)
   thread_count = thread_count + 1
end

function init(args)
   for line in io.lines(args[1]) do
      paths[#paths + 1] = line
   end
   threads = tonumber(args[2])
   beacon = args[3] == "beacon"
end

function request()
   -- The threads interleave through the file, so no path repeats until it runs out.
   local path = paths[(counter * threads + thread_number) % #paths + 1]
   counter = counter + 1
   if beacon then
      return wrk.format("POST", path, {
         ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 " ..
            "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
         ["X-Real-IP"] = "10." .. thread_number .. "." ..
            math.floor(counter / 256) % 256 .. "." .. counter % 256,
      }, "")
   end
   return wrk.format(nil, path)
end

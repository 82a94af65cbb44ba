-- A busted output handler for mtedu's tests: one line per test,
-- "mtedu-outcome", its status (success, failure, error, pending) and its
-- full name, tab-separated (what the specs print is told apart); errors
-- outside any test as status "error", name "(file) message".
return function(options)
	local busted = require("busted")
	local handler = require("busted.outputHandlers.base")()
	local function line(status, name)
		io.write("mtedu-outcome\t", status, "\t", (tostring(name):gsub("[\t\n]", " ")), "\n")
	end
	busted.subscribe({ "test", "end" }, function(element, _, status)
		line(status, handler.getFullName(element))
		return nil, true
	end)
	busted.subscribe({ "error" }, function(element, _, message)
		if element.descriptor ~= "it" then
			line("error", "(" .. tostring(element.descriptor) .. ") " .. tostring(message))
		end
		return nil, true
	end)
	busted.subscribe({ "failure" }, function(element, _, message)
		if element.descriptor ~= "it" then
			line("error", "(" .. tostring(element.descriptor) .. ") " .. tostring(message))
		end
		return nil, true
	end)
	return handler
end
